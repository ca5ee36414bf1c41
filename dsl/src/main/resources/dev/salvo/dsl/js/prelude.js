// Evaluated in every context before the script: timers (GraalJS has none), the hooks Java calls, and the
// bridge to the host API for salvo's own modules only.
// sync: the VUs of this context block (a k6 script in --k6-mode sync, docs/k6.md): calls that would return a
// promise wait for their result instead, parked on the VU's virtual thread.
(function (host, data, token, sync) {
  'use strict';
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  const JsError = Error;
  const JsTypeError = TypeError;
  const JAVA = /^(?:[a-z_$][\w$]*\.)+([A-Z][\w$]*): /;
  // An exception thrown by the host API as the script should see it: an Error or a TypeError with salvo's
  // message, never a Java exception's type (GraalJS shows those as 'java.lang.IllegalStateException: ...').
  const scriptError = (e) => {
    if (e === null || typeof e !== 'object') return e;
    const java = JAVA.exec(String(e));
    if (java === null) return e;
    const type = /TypeError$|\$Type$|IllegalArgument|NumberFormat|ClassCast|NullPointer|UnsupportedOperation/.test(java[1]);
    return type ? new JsTypeError(e.message) : new JsError(e.message);
  };
  // The modules ask for the bridge with a token the file system wrote into their source: a script never
  // sees it, so it cannot reach the host API, and cannot replace this (not writable, not configurable).
  // fn() with a host exception it throws made a script's error.
  const guarded = (fn) => {
    try {
      return fn();
    } catch (e) {
      throw scriptError(e);
    }
  };
  // The VU whose iteration runs now in this context (null in setup, teardown and the init code): k6's __VU and __ITER.
  const current = { vu: null };
  // deferred(start) is new Promise(start) for async VUs; for VUs that block it runs start(resolve, reject) and
  // waits for either, running the VU's events (responses, timers, socket messages) meanwhile, then returns
  // the value or throws the error. after(value, fn) is value.then(fn), or fn(value) for a value not a promise.
  const deferred = !sync ? (start) => new Promise(start) : (start) => {
    let state = 0;
    let value;
    start((v) => {
      if (state === 0) { state = 1; value = v; }
    }, (e) => {
      if (state === 0) { state = 2; value = e; }
    });
    while (state === 0) host.awaitEvent();
    if (state === 2) throw value;
    return value;
  };
  const after = (value, fn) => (value instanceof Promise ? value.then(fn) : fn(value));
  const bridge = Object.freeze({ host, data, scriptError, guarded, current, sync: sync === true, deferred, after });
  Object.defineProperty(globalThis, '__salvoHost', {
    value: (t) => {
      if (t !== token) throw new JsTypeError('__salvoHost is internal to salvo\'s modules');
      return bridge;
    },
  });
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
      current.vu = vu;
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
    parse: (json) => JSON.parse(json), // handleSummary(data): k6's scripts change their copy
    stringify: (v) => (v === undefined ? null : JSON.stringify(v)),
    describe: (thrown) => {
      if (thrown !== null && typeof thrown === 'object' && thrown.salvoAbort === true) return null;
      const e = scriptError(thrown);
      // A converted host exception keeps the stack of where it was thrown, in the script.
      if (e instanceof Error) return { message: String(e), stack: String((e === thrown ? e.stack : thrown.stack) || '') };
      return { message: 'Uncaught ' + (typeof e === 'string' ? e : JSON.stringify(e)), stack: '' };
    },
  });
})
