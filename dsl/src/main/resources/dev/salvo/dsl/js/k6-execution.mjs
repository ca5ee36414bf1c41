// The 'k6/execution' module of the k6 layer: what salvo knows of the running VU, with k6's names. A field
// salvo does not track throws a clear error instead of being undefined.
import { runningVu, unsupported } from './k6-globals.mjs';
import { abort } from 'salvo';

const vuOf = (what) => {
  const vu = runningVu();
  if (vu === null) throw new TypeError(`exec.${what} is only known inside an iteration (not in init code, setup or teardown)`);
  return vu;
};

const missing = (obj, names, prefix) => {
  for (const n of names) Object.defineProperty(obj, n, { get: unsupported(`exec.${prefix}.${n}`), enumerable: false });
  return obj;
};

const vu = missing({
  get idInTest() { return vuOf('vu.idInTest').id; },
  get idInInstance() { return vuOf('vu.idInInstance').id; },
  get iterationInInstance() { return vuOf('vu.iterationInInstance').iteration; },
  get iterationInScenario() { return vuOf('vu.iterationInScenario').iteration; },
}, ['tags', 'metrics'], 'vu');

const scenario = missing({
  get name() { return vuOf('scenario.name').scenario; },
}, ['executor', 'startTime', 'progress', 'iterationInInstance', 'iterationInTest'], 'scenario');

const instance = missing({}, ['iterationsInterrupted', 'iterationsCompleted', 'vusActive', 'vusInitialized', 'currentTestRunDuration'], 'instance');

const test = missing({
  abort(message) {
    abort(message === undefined ? 'test aborted' : message);
  },
}, ['options'], 'test');

export { vu, scenario, instance, test };
export default { vu, scenario, instance, test };
