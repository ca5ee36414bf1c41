// The 'k6' module of the k6 layer: salvo's check, fail, sleep and group with k6's names. Scripts that import
// it are rewritten to await sleep() and group() (K6Source): this module only delegates.
import { unsupported } from './k6-globals.mjs';
import { check as salvoCheck, fail as salvoFail, sleep as salvoSleep, group as salvoGroup } from 'salvo';

export const check = salvoCheck;
export const fail = salvoFail;
export const sleep = salvoSleep;

// k6's group(name, fn) returns fn's value; fn may be async after the rewrite.
export function group(name, fn) {
  if (typeof fn !== 'function') throw new TypeError(`group('${name}', fn): fn must be a function`);
  return salvoGroup(name, fn);
}

export const randomSeed = unsupported('randomSeed()');

export default { check, fail, sleep, group, randomSeed };
