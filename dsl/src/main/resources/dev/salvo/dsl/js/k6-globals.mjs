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

// list.forEach(fn) and the like, where fn became async in the k6 rewrite (K6Source): the callbacks run one
// after the other and are awaited, as k6 runs them synchronously. A Map or a Set is walked as its forEach
// would; anything else without a length keeps its own method.
async function each(list, method, fn, ...rest) {
  if (list instanceof Map || list instanceof Set) {
    if (method !== 'forEach') return list[method](fn, ...rest);
    for (const [k, v] of list.entries()) await fn(v, k, list);
    return undefined;
  }
  if (list === null || list === undefined || typeof list.length !== 'number') return list[method](fn, ...rest);
  const n = list.length;
  const out = [];
  let i = 0;
  let acc;
  if (method === 'reduce') {
    if (rest.length > 0) acc = rest[0];
    else if (n === 0) throw new TypeError('Reduce of empty array with no initial value');
    else acc = list[i++];
    for (; i < n; i++) acc = await fn(acc, list[i], i, list);
    return acc;
  }
  for (; i < n; i++) {
    const v = list[i];
    const r = await fn(v, i, list);
    if (method === 'map') out.push(r);
    else if (method === 'filter' && r) out.push(v);
    else if (method === 'flatMap') out.push(...(Array.isArray(r) ? r : [r]));
    else if (method === 'some' && r) return true;
    else if (method === 'every' && !r) return false;
    else if (method === 'find' && r) return v;
    else if (method === 'findIndex' && r) return i;
  }
  if (method === 'forEach') return undefined;
  if (method === 'some') return false;
  if (method === 'every') return true;
  if (method === 'find') return undefined;
  if (method === 'findIndex') return -1;
  return out;
}

if (!Object.prototype.hasOwnProperty.call(globalThis, '__k6each')) {
  Object.defineProperty(globalThis, '__k6each', { value: each, configurable: true });
}
