// The 'salvo/data' module: test data read in the init context, relative to the script. Java reads and
// parses; SharedArray keeps one copy per run, shared by every VU on every worker.
const { data, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

const deepFreeze = (v) => {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze(v[k]);
  }
  return v;
};

// csv('users.csv', { header: true, delimiter: ',' }) -> [{ name: value, ... }] (or arrays of strings without a header)
export function csv(path, opts) {
  const o = opts || {};
  const header = o.header === undefined ? true : Boolean(o.header);
  return JSON.parse(guarded(() => data.csvJson(String(path), header, o.delimiter === undefined ? ',' : String(o.delimiter))));
}

export function json(path) {
  return JSON.parse(guarded(() => data.readText(String(path))));
}

// open('file.txt') -> its text (UTF-8); open('photo.png', 'b') -> an ArrayBuffer of its bytes. Init context only, as in k6.
export function open(path, mode) {
  if (mode === 'b') return new ArrayBuffer(guarded(() => data.readBytes(String(path))));
  if (mode !== undefined && mode !== '' && mode !== 'r') throw new TypeError(`open('${path}', '${mode}'): mode must be 'b' (binary) or omitted (text)`);
  return guarded(() => data.readText(String(path)));
}

// new SharedArray(name, () => [...]): fn runs once per run; every VU reads the same Java-side copy,
// each element parsed (and frozen) when it is read. Read-only, like k6's.
export class SharedArray {
  constructor(name, fn) {
    if (typeof name !== 'string' || name === '') throw new TypeError('SharedArray(name, fn) needs a name');
    let list = guarded(() => data.shared(name));
    if (list === null || list === undefined) {
      if (typeof fn !== 'function') throw new TypeError('SharedArray(name, fn) needs a function that returns an array');
      const built = fn();
      if (!Array.isArray(built)) throw new TypeError(`SharedArray '${name}': the function must return an array, not ${typeof built}`);
      list = guarded(() => data.share(name, built.map((e) => JSON.stringify(e === undefined ? null : e))));
    }
    const at = (i) => {
      const text = list.get(i);
      return text === null || text === undefined ? undefined : deepFreeze(JSON.parse(text));
    };
    return new Proxy([], {
      get(target, prop) {
        if (prop === 'length') return list.length();
        if (typeof prop === 'string' && /^(0|[1-9]\d*)$/.test(prop)) return at(Number(prop));
        if (prop === Symbol.iterator) return function* () { const n = list.length(); for (let i = 0; i < n; i++) yield at(i); };
        const method = Array.prototype[prop];
        return typeof method === 'function' ? method : undefined;
      },
      has(target, prop) {
        return (typeof prop === 'string' && /^(0|[1-9]\d*)$/.test(prop) && Number(prop) < list.length()) || prop === 'length';
      },
      set() { throw new TypeError(`SharedArray '${name}' is read-only`); },
      deleteProperty() { throw new TypeError(`SharedArray '${name}' is read-only`); },
      ownKeys() { const keys = []; for (let i = 0; i < list.length(); i++) keys.push(String(i)); keys.push('length'); return keys; },
      getOwnPropertyDescriptor(target, prop) {
        if (prop === 'length') return { value: list.length(), writable: true, enumerable: false, configurable: false };
        if (typeof prop === 'string' && /^(0|[1-9]\d*)$/.test(prop) && Number(prop) < list.length()) {
          return { value: at(Number(prop)), writable: false, enumerable: true, configurable: true };
        }
        return undefined;
      },
    });
  }
}

export default { csv, json, open, SharedArray };
