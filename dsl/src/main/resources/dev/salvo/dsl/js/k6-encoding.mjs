// The 'k6/encoding' module of the k6 layer: base64 in k6's four alphabets (std, rawstd, url, rawurl).
import './k6-globals.mjs';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(text) {
  const out = [];
  for (const ch of String(text)) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let c;
    let n;
    if (b < 0x80) { c = b; n = 1; } else if (b >= 0xf0) { c = b & 7; n = 4; } else if (b >= 0xe0) { c = b & 15; n = 3; } else { c = b & 31; n = 2; }
    for (let k = 1; k < n; k++) c = (c << 6) | (bytes[i + k] & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}

function alphabet(encoding) {
  const e = encoding === undefined || encoding === null || encoding === '' ? 'std' : String(encoding);
  if (!['std', 'rawstd', 'url', 'rawurl'].includes(e)) {
    throw new TypeError(`encoding must be 'std', 'rawstd', 'url' or 'rawurl', not '${e}'`);
  }
  return { chars: e.endsWith('url') ? URL : STD, pad: !e.startsWith('raw') };
}

function bytesOf(input) {
  if (input instanceof ArrayBuffer) return Array.from(new Uint8Array(input));
  if (ArrayBuffer.isView(input)) return Array.from(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  return utf8(input);
}

export function b64encode(input, encoding) {
  const { chars, pad } = alphabet(encoding);
  const b = bytesOf(input);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63];
    out += i + 1 < b.length ? chars[(n >> 6) & 63] : (pad ? '=' : '');
    out += i + 2 < b.length ? chars[n & 63] : (pad ? '=' : '');
  }
  return out;
}

// format 's': a string (UTF-8); anything else: an ArrayBuffer, as k6.
export function b64decode(input, encoding, format) {
  const { chars } = alphabet(encoding);
  const text = String(input).replace(/=+$/, '');
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = chars.indexOf(ch);
    if (v < 0) throw new TypeError(`b64decode(): '${ch}' is not in the ${encoding || 'std'} alphabet`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  if (format === 's') return fromUtf8(bytes);
  return new Uint8Array(bytes).buffer;
}

export default { b64encode, b64decode };
