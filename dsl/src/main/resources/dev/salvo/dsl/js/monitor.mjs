// The 'salvo/monitor' module: resource monitors declared in the init code. The Java side checks
// the options, registers each monitor once per run and samples it on its own thread.
const { host, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

function declare(kind, options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`monitor.${kind}() takes an options object`);
  }
  const problem = guarded(() => host.monitor(kind, JSON.stringify(options)));
  if (problem !== null) throw new TypeError(problem);
}

export const monitor = {
  /** A local process from /proc: { pid | pidFile | match, name = 'sut', every = '1s', tags, tree }. */
  process: (options) => declare('process', options),
  /** A Prometheus text endpoint: { url, metrics: ['name{label="value"}', ...], every, tags }. */
  prometheus: (options) => declare('prometheus', options),
  /** A JSON endpoint: { url, json: 'path.to.number', name, every, tags }. */
  http: (options) => declare('http', options),
};

export default monitor;
