// The 'k6/crypto' module of the k6 layer: hashes and HMACs computed by the JDK (JsCrypto), in k6's output
// encodings: 'hex', 'base64', 'base64url', 'base64rawurl' and 'binary' (an ArrayBuffer).
import { unsupported } from './k6-globals.mjs';
import { b64encode } from './k6-encoding.mjs';

const { host, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

function encode(hex, encoding) {
  const e = encoding === undefined ? 'binary' : String(encoding);
  if (e === 'hex') return hex;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  if (e === 'base64') return b64encode(bytes.buffer, 'std');
  if (e === 'base64url') return b64encode(bytes.buffer, 'url');
  if (e === 'base64rawurl') return b64encode(bytes.buffer, 'rawurl');
  if (e === 'binary') return bytes.buffer;
  throw new TypeError(`k6/crypto: output encoding must be 'hex', 'base64', 'base64url', 'base64rawurl' or 'binary', not '${e}'`);
}

const digest = (algorithm, secret, chunks) => guarded(() => host.digest(String(algorithm), secret, chunks));
const input = (v) => (v instanceof ArrayBuffer || typeof v === 'string' ? v : ArrayBuffer.isView(v) ? v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) : String(v));

// crypto.createHash(alg) / createHMAC(alg, secret): update() any number of times, digest(encoding) any number of times.
class Hasher {
  constructor(algorithm, secret) {
    this._algorithm = algorithm;
    this._secret = secret === undefined ? null : input(secret);
    this._chunks = [];
  }

  update(data) {
    this._chunks.push(input(data));
  }

  digest(encoding) {
    return encode(digest(this._algorithm, this._secret, this._chunks), encoding);
  }
}

export const createHash = (algorithm) => new Hasher(algorithm);
export const createHMAC = (algorithm, secret) => new Hasher(algorithm, secret);
export const hmac = (algorithm, secret, data, encoding) => encode(digest(algorithm, input(secret), [input(data)]), encoding);

const shorthand = (algorithm) => (data, encoding) => encode(digest(algorithm, null, [input(data)]), encoding);
export const md5 = shorthand('md5');
export const sha1 = shorthand('sha1');
export const sha256 = shorthand('sha256');
export const sha384 = shorthand('sha384');
export const sha512 = shorthand('sha512');
export const sha512_224 = shorthand('sha512_224');
export const sha512_256 = shorthand('sha512_256');
export const md4 = unsupported('k6/crypto md4()');
export const ripemd160 = unsupported('k6/crypto ripemd160()');

export function randomBytes(size) {
  const bytes = new Uint8Array(Number(size));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes.buffer;
}

export default {
  createHash, createHMAC, hmac, md5, sha1, sha256, sha384, sha512, sha512_224, sha512_256, md4, ripemd160, randomBytes,
};
