// The 'salvo/sse' module: a Stream keeps the script's handlers; the Java SSE client of the VU does the rest.
const { host, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');
const EVENTS = ['open', 'event', 'error', 'close'];
const flat = (obj) => (obj ? Object.entries(obj).flatMap(([k, v]) => [k, String(v)]) : null);
const isBinary = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v);

export class Stream {
  constructor() {
    this._handlers = {};
    this._closed = false;
  }

  on(event, fn) {
    if (!EVENTS.includes(event)) throw new TypeError(`stream.on('${event}'): unknown event, use one of ${EVENTS.join(', ')}`);
    if (typeof fn !== 'function') throw new TypeError(`stream.on('${event}', fn): fn must be a function`);
    (this._handlers[event] ||= []).push(fn);
    return this;
  }

  // Ends the stream for good (no reconnection); the promise of sse.open() resolves next.
  close() {
    if (!this._closed) this._java.close();
  }

  get lastEventId() {
    return this._java.lastEventId();
  }

  _emit(event, args) {
    const list = this._handlers[event];
    if (list) for (const fn of list) this._call(fn, args);
  }

  // Runs a handler; one that throws (or whose promise rejects) fails the stream and, with it, the iteration.
  _call(fn, args) {
    try {
      const r = fn.apply(this, args);
      if (r !== null && typeof r === 'object' && typeof r.then === 'function') r.then(undefined, (e) => this._fail(e));
    } catch (e) {
      this._fail(e);
    }
  }

  _fail(e) {
    if (this._error !== undefined) return;
    this._error = e;
    if (!this._closed) this._java.fail();
  }
}

const positive = (what, v) => {
  if (v !== undefined && !(Number(v) >= 0)) throw new TypeError(`${what} must be a number >= 0, not ${v}`);
  return v === undefined ? undefined : Number(v);
};

// What host.sseOpen() and host.llmChat() read, by member name: the stream's params (SseParams on the Java side).
export function streamParams(what, url, p, body) {
  const headers = Object.assign({}, p.headers);
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  let payload = body === undefined ? null : body;
  if (payload !== null && isBinary(payload)) {
    payload = ArrayBuffer.isView(payload) ? payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.byteLength) : payload;
  } else if (payload !== null && typeof payload === 'object') {
    payload = JSON.stringify(payload);
    if (!hasType) headers['Content-Type'] = 'application/json';
  } else if (payload !== null) {
    payload = String(payload);
  }
  if (p.apiKey !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    headers.Authorization = `Bearer ${p.apiKey}`;
  }
  const maxEventSize = positive(`${what}(): params.maxEventSize`, p.maxEventSize);
  const maxReconnects = positive(`${what}(): params.maxReconnects`, p.maxReconnects);
  const retry = positive(`${what}(): params.retry`, p.retry);
  return {
    url: String(url),
    method: String(p.method || (payload === null ? 'GET' : 'POST')),
    body: payload,
    headers: flat(headers),
    tags: flat(p.tags),
    timeout: p.timeout === undefined ? null : p.timeout,
    idleTimeout: p.idleTimeout === undefined ? null : p.idleTimeout,
    maxEventSize: maxEventSize === undefined ? 0 : Math.min(Math.floor(maxEventSize), 2 ** 31 - 1),
    reconnect: !!p.reconnect,
    maxReconnects: maxReconnects === undefined ? (p.reconnect ? 2 ** 31 - 1 : 0) : Math.min(Math.floor(maxReconnects), 2 ** 31 - 1),
    retry: retry === undefined ? 3000 : Math.floor(retry),
    lastEventId: p.lastEventId === undefined ? null : String(p.lastEventId),
    insecureSkipTLSVerify: !!p.insecureSkipTLSVerify,
  };
}

function responseOf(r) {
  return {
    status: r.status(), url: r.url(), headers: JSON.parse(r.headersJson()), error: r.error() || '', errorCode: r.errorCode(),
    events: r.events(), reconnects: r.reconnects(), lastEventId: r.lastEventId(), body: r.body(),
    timings: { connecting: r.connecting(), duration: r.duration() },
  };
}

export function open(url, params, fn) {
  if (typeof params === 'function' && fn === undefined) {
    fn = params;
    params = undefined;
  }
  const p = params || {};
  if (fn !== undefined && typeof fn !== 'function') throw new TypeError('sse.open(url, params, fn): fn must be a function');
  const prepared = streamParams('sse.open', url, p, p.body);
  const stream = new Stream();
  return new Promise((resolve, reject) => {
    const settle = (response) => (stream._error !== undefined ? reject(stream._error) : resolve(response));
    const events = {
      open: (r) => stream._emit('open', [responseOf(r)]),
      event: (e) => {
        const retry = e.retry();
        stream._emit('event', [{ event: e.type(), data: e.data(), id: e.id(), retry: retry < 0 ? undefined : retry }]);
      },
      error: (e) => stream._emit('error', [{ code: e.code(), message: e.text() }]),
      end: (r) => {
        const response = responseOf(r);
        stream._closed = true;
        stream._emit('close', [response]);
        // After the handlers' promise jobs: a handler failing now still fails the iteration.
        setTimeout(() => settle(response), 0);
      },
    };
    stream._java = guarded(() => host.sseOpen(prepared, events));
    if (fn) stream._call(fn, [stream]);
  });
}

export default { open, Stream };
