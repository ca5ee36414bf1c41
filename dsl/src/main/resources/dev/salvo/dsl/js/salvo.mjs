// The 'salvo' module: checks, sleep, env, fail, groups. Logic lives in Java; this converts and delegates.
const host = globalThis.__salvo;

export const env = Object.freeze(JSON.parse(host.envJson()));

export function sleep(seconds) {
  const ms = Number(seconds) * 1000;
  return new Promise((resolve) => host.sleep(ms > 0 ? ms : 0, resolve));
}

export function between(min, max) {
  return Number(min) + Math.random() * (Number(max) - Number(min));
}

export function check(value, sets, tags) {
  let all = true;
  const tagsJson = tags ? JSON.stringify(tags) : null;
  for (const name of Object.keys(sets || {})) {
    const predicate = sets[name];
    let ok;
    try {
      ok = typeof predicate === 'function' ? Boolean(predicate(value)) : Boolean(predicate);
    } catch (e) {
      ok = false;
      host.checkError(name, String(e));
    }
    host.check(name, ok, tagsJson);
    if (!ok) all = false;
  }
  return all;
}

export function fail(message) {
  throw new Error(message === undefined ? 'fail() called' : String(message));
}

export function abort(message) {
  const text = message === undefined ? 'abort() called' : String(message);
  host.abort(text);
  const e = new Error('aborted: ' + text);
  e.salvoAbort = true; // ends the iteration without counting it as an error: the run is over anyway
  throw e;
}

export async function group(name, fn) {
  const token = host.enterGroup(String(name));
  try {
    return await fn();
  } finally {
    host.exitGroup(token);
  }
}

export default { env, sleep, between, check, fail, abort, group };
