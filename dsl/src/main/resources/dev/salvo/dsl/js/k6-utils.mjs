// salvo's own implementation of k6's k6-utils jslib (https://jslib.k6.io/k6-utils/<version>/index.js), which
// k6 scripts import by URL: the k6 rewrite (K6Source) points that import here.
import { unsupported } from './k6-globals.mjs';

// A whole number from min to max, both included.
export function randomIntBetween(min, max) {
  const lo = Math.ceil(Number(min));
  const hi = Math.floor(Number(max));
  return Math.floor(Math.random() * (hi - lo + 1)) + lo;
}

export function randomItem(list) {
  return list[Math.floor(Math.random() * list.length)];
}

export function randomString(length, charset) {
  const chars = charset === undefined ? 'abcdefghijklmnopqrstuvwxyz0123456789' : String(charset);
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

// A random (version 4) UUID; `secure` is accepted for k6's signature: Math.random either way.
export function uuidv4(secure) {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const h = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The text between `left` and `right` (the first, or every one when `repeat`); '' / [] when not found.
export function findBetween(content, left, right, repeat) {
  const text = String(content);
  const found = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(left, from);
    if (start < 0) break;
    const end = text.indexOf(right, start + left.length);
    if (end < 0) break;
    found.push(text.slice(start + left.length, end));
    if (!repeat) break;
    from = end + right.length;
  }
  return repeat ? found : (found.length > 0 ? found[0] : '');
}

export const normalDistributionStages = unsupported('k6-utils normalDistributionStages()');
export const getCurrentStageIndex = unsupported('k6-utils getCurrentStageIndex()');
export const tagWithCurrentStageIndex = unsupported('k6-utils tagWithCurrentStageIndex()');
export const tagWithCurrentStageProfile = unsupported('k6-utils tagWithCurrentStageProfile()');
