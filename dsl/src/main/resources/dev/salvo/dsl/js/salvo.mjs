// The 'salvo' module: checks, sleep, env, fail, groups. Logic lives in Java; this converts and delegates.
const { host, scriptError, sync, deferred } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

export const env = Object.freeze(JSON.parse(host.envJson()));

export function sleep(seconds) {
  const ms = Number(seconds) * 1000;
  return deferred((resolve, reject) => {
    try {
      host.sleep(ms > 0 ? ms : 0, resolve);
    } catch (e) {
      reject(scriptError(e));
    }
  });
}

// A number drawn anew each time it is read: `sleep(between(1, 3))` and `user({ wait: between(1, 3) })`
// (Locust's wait_time = between(1, 3)) both wait a fresh uniform random time.
export function between(min, max) {
  const lo = Number(min);
  const hi = Number(max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
    throw new TypeError(`between(min, max) needs two numbers with min <= max, not (${min}, ${max})`);
  }
  const draw = () => lo + Math.random() * (hi - lo);
  return Object.freeze({ valueOf: draw, toJSON: draw, toString: () => String(draw()), [Symbol.toPrimitive]: draw, between: [lo, hi] });
}

// Locust's constant_pacing: in user(), each task starts `seconds` after the previous one started.
export function constantPacing(seconds) {
  const s = Number(seconds);
  if (!(s >= 0)) throw new TypeError(`constantPacing(seconds) needs a number >= 0, not ${seconds}`);
  return Object.freeze({ pacing: s });
}

function waitSeconds(wait, elapsed) {
  if (wait === undefined || wait === null) return 0;
  if (typeof wait === 'function') return Number(wait(elapsed)) || 0;
  if (typeof wait === 'object' && 'pacing' in wait) return Math.max(0, wait.pacing - elapsed);
  return Number(wait) || 0;
}

function taskList(tasks) {
  const list = Array.isArray(tasks) ? tasks
    : (tasks && typeof tasks === 'object' ? Object.values(tasks) : null);
  if (!list || list.length === 0) throw new TypeError('user({ tasks }) needs a non-empty list: [[weight, fn], ...] or [fn, ...]');
  return list.map((t, i) => {
    const [weight, fn] = typeof t === 'function' ? [1, t] : (Array.isArray(t) ? t : [t && t.weight, t && t.fn]);
    if (typeof fn !== 'function') throw new TypeError(`user(): tasks[${i}] has no function: use [weight, fn]`);
    if (!(Number(weight) > 0)) throw new TypeError(`user(): tasks[${i}] needs a weight > 0, not ${weight}`);
    return { weight: Number(weight), fn };
  });
}

const startedUsers = new WeakSet();

// Locust's user model as a VU function: onStart once per VU, then each iteration runs one task chosen
// by weight and waits (wait: seconds, between(a, b), constantPacing(s) or a function of the task's
// elapsed seconds). onStop runs once per VU when the scenario ends.
export function user(spec) {
  if (!spec || typeof spec !== 'object') throw new TypeError('user({ tasks, wait, onStart, onStop }) needs an object');
  const tasks = taskList(spec.tasks);
  const total = tasks.reduce((n, t) => n + t.weight, 0);
  for (const hook of ['onStart', 'onStop']) {
    if (spec[hook] !== undefined && typeof spec[hook] !== 'function') throw new TypeError(`user(): ${hook} must be a function`);
  }
  const pick = () => {
    let r = Math.random() * total;
    for (const t of tasks) if ((r -= t.weight) < 0) return t.fn;
    return tasks[tasks.length - 1].fn;
  };
  const vuFunction = async function (data, vu) {
    if (!startedUsers.has(vu)) {
      startedUsers.add(vu);
      if (spec.onStart) await spec.onStart(data, vu);
    }
    const started = Date.now();
    await pick()(data, vu);
    const seconds = waitSeconds(spec.wait, (Date.now() - started) / 1000);
    if (seconds > 0) await sleep(seconds);
  };
  // A Locust user is one visitor for its whole life: its cookies are not reset between tasks.
  Object.defineProperty(vuFunction, 'keepsCookies', { value: true });
  if (spec.onStop) {
    Object.defineProperty(vuFunction, 'onStop', {
      value: (data, vu) => (startedUsers.has(vu) ? spec.onStop(data, vu) : undefined),
    });
  }
  return vuFunction;
}

export function check(value, sets, tags) {
  if (value instanceof Promise) host.promiseChecked(new Error().stack);
  let all = true;
  const tagsJson = tags ? JSON.stringify(tags) : null;
  const names = Object.keys(sets || {});
  for (let i = 0; i < names.length; i++) { // every iteration runs this: no iterator object
    const name = names[i];
    const predicate = sets[name];
    let ok;
    try {
      ok = typeof predicate === 'function' ? Boolean(predicate(value)) : Boolean(predicate);
    } catch (e) {
      ok = false;
      host.checkError(name, String(e));
    }
    try {
      host.check(name, ok, tagsJson);
    } catch (e) {
      throw scriptError(e);
    }
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

function enterGroup(name) {
  try {
    return host.enterGroup(String(name));
  } catch (e) {
    throw scriptError(e);
  }
}

async function groupAsync(name, fn) {
  const token = enterGroup(name);
  try {
    return await fn();
  } finally {
    host.exitGroup(token);
  }
}

// For VUs that block (docs/k6.md, --k6-mode sync): fn runs to its end inside the group, its value returned.
function groupSync(name, fn) {
  const token = enterGroup(name);
  try {
    return fn();
  } finally {
    host.exitGroup(token);
  }
}

export const group = sync ? groupSync : groupAsync;

export default { env, sleep, between, constantPacing, user, check, fail, abort, group };
