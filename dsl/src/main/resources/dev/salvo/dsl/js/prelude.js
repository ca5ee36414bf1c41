// Evaluated in every context before the script: timers (GraalJS has none) and the hooks Java calls.
(function (host) {
  'use strict';
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  define('setTimeout', (fn, ms, ...args) => host.setTimer(() => fn(...args), Number(ms) || 0, false));
  define('setInterval', (fn, ms, ...args) => host.setTimer(() => fn(...args), Number(ms) || 0, true));
  define('clearTimeout', (id) => host.clearTimer(Number(id) || 0));
  define('clearInterval', (id) => host.clearTimer(Number(id) || 0));

  // Reports the outcome of a call that returned `result` (awaited when it is a promise).
  const settle = (result, done) => {
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then((v) => done.ok(v), (e) => done.fail(e));
    } else {
      done.ok(result);
    }
  };
  // Calls fn(...args) and reports its outcome.
  const call = (fn, args, done) => {
    let result;
    try {
      result = fn(...args);
    } catch (e) {
      done.fail(e);
      return;
    }
    settle(result, done);
  };
  const deepFreeze = (v) => {
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const k of Object.keys(v)) deepFreeze(v[k]);
    }
    return v;
  };
  return Object.freeze({
    // Every iteration runs this: no argument array and no spread call (docs/performance.md).
    iterate(fn, data, vu, iteration, done) {
      vu.iteration = iteration;
      let result;
      try {
        result = fn(data, vu);
      } catch (e) {
        done.fail(e);
        return;
      }
      settle(result, done);
    },
    call0: (fn, done) => call(fn, [], done),
    call1: (fn, arg, done) => call(fn, [arg], done),
    onStop: (fn, data, vu, done) => (typeof fn.onStop === 'function' ? call(fn.onStop, [data, vu], done) : done.ok(undefined)),
    newVu: (id, idInScenario, scenario) => ({ id, idInScenario, scenario, iteration: 0, state: {} }),
    data: (json) => deepFreeze(json === null || json === undefined ? undefined : JSON.parse(json)),
    stringify: (v) => (v === undefined ? null : JSON.stringify(v)),
    describe: (e) => {
      if (e !== null && typeof e === 'object' && e.salvoAbort === true) return null;
      if (e instanceof Error) return { message: String(e), stack: String(e.stack || '') };
      return { message: 'Uncaught ' + (typeof e === 'string' ? e : JSON.stringify(e)), stack: '' };
    },
  });
})
