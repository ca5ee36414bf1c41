// k6's globals for scripts that import k6 modules: __ENV, __VU, __ITER and open(). Imported by every k6 module.
import { open } from 'salvo/data';

const { host, current } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

if (!Object.prototype.hasOwnProperty.call(globalThis, '__ENV')) {
  // k6's __ENV is a plain, writable object: the run's environment and -e K=V values.
  Object.defineProperty(globalThis, '__ENV', { value: JSON.parse(host.envJson()), writable: true, configurable: true });
  // 0 outside an iteration (init code, setup, teardown), as k6's __VU in setup.
  Object.defineProperty(globalThis, '__VU', { get: () => (current.vu === null ? 0 : current.vu.id), configurable: true });
  Object.defineProperty(globalThis, '__ITER', { get: () => (current.vu === null ? 0 : current.vu.iteration), configurable: true });
  Object.defineProperty(globalThis, 'open', { value: open, writable: true, configurable: true });
}

// The running VU's object ({ id, idInScenario, iteration, scenario, state }), or null outside an iteration.
export const runningVu = () => current.vu;

// A k6 API salvo does not have yet: a clear error at the call, naming docs/k6.md.
export function unsupported(what) {
  return () => {
    throw new TypeError(`${what} is not supported by salvo's k6 layer yet (docs/k6.md)`);
  };
}
