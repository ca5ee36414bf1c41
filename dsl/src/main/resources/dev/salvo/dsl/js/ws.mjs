// The 'salvo/ws' module: a Socket keeps the script's handlers; the Java WebSocket client of the VU does the rest.
const { host, guarded, deferred } = __salvoHost('@SALVO_BRIDGE_TOKEN@');
const EVENTS = ['open', 'message', 'binaryMessage', 'ping', 'pong', 'close', 'error'];
const flat = (obj) => (obj ? Object.entries(obj).flatMap(([k, v]) => [k, String(v)]) : null);

export class Socket {
  constructor() {
    this._handlers = {};
    this._timers = new Set();
    this._waiters = [];
    this._closed = false;
  }

  on(event, fn) {
    if (!EVENTS.includes(event)) throw new TypeError(`socket.on('${event}'): unknown event, use one of ${EVENTS.join(', ')}`);
    if (typeof fn !== 'function') throw new TypeError(`socket.on('${event}', fn): fn must be a function`);
    (this._handlers[event] ||= []).push(fn);
    return this;
  }

  send(text) {
    this._java.send(String(text));
  }

  sendBinary(data) {
    if (ArrayBuffer.isView(data)) data = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    if (!(data instanceof ArrayBuffer)) throw new TypeError('socket.sendBinary(data): data must be an ArrayBuffer');
    this._java.sendBinary(data);
  }

  ping() {
    this._java.ping();
  }

  close(code, reason) {
    this._java.close(code === undefined ? 1000 : Number(code), reason === undefined ? '' : String(reason));
  }

  setTimeout(fn, ms) {
    const id = setTimeout(() => {
      this._timers.delete(id);
      this._call(fn, []);
    }, ms);
    this._timers.add(id);
    return id;
  }

  setInterval(fn, ms) {
    const id = setInterval(() => this._call(fn, []), ms);
    this._timers.add(id);
    return id;
  }

  clearTimeout(id) {
    clearTimeout(id);
    this._timers.delete(id);
  }

  clearInterval(id) {
    this.clearTimeout(id);
  }

  // The next text message received after this call.
  next(timeoutMs) {
    return this.waitFor(() => true, timeoutMs);
  }

  // The first text message received after this call for which predicate(message) is true.
  waitFor(predicate, timeoutMs) {
    const ms = timeoutMs === undefined ? 60000 : Number(timeoutMs);
    return deferred((resolve, reject) => {
      if (this._closed) {
        reject(new Error('socket.waitFor(): the socket is closed'));
        return;
      }
      const waiter = { predicate, resolve, reject };
      waiter.timer = this.setTimeout(() => this._settle(waiter, reject, new Error(`socket.waitFor(): no matching message within ${ms} ms`)), ms);
      this._waiters.push(waiter);
    });
  }

  _settle(waiter, how, value) {
    const i = this._waiters.indexOf(waiter);
    if (i < 0) return;
    this._waiters.splice(i, 1);
    this.clearTimeout(waiter.timer);
    how(value);
  }

  _message(data) {
    if (this._waiters.length > 0) {
      for (const w of this._waiters.slice()) {
        try {
          if (w.predicate(data)) this._settle(w, w.resolve, data);
        } catch (e) {
          this._settle(w, w.reject, e);
        }
      }
    }
    this._emit('message', [data]);
  }

  _emit(event, args) {
    const list = this._handlers[event];
    if (list) for (const fn of list) this._call(fn, args);
  }

  // Runs a handler; one that throws (or whose promise rejects) fails the socket and, with it, the iteration.
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
    this._java.fail();
  }
}

function events(socket, settle) {
  let response;
  return {
    handshake: (h) => {
      const error = h.error() || '';
      response = { status: h.status(), url: h.url(), headers: JSON.parse(h.headersJson()), protocol: h.protocol() || '', error,
        errorCode: h.errorCode() };
      if (error) socket._emit('error', [{ code: response.errorCode, message: error }]);
      else socket._emit('open', []);
    },
    text: (data) => socket._message(data),
    binary: (buffer) => socket._emit('binaryMessage', [new ArrayBuffer(buffer)]), // backed by the Java bytes, not a copy
    ping: () => socket._emit('ping', []),
    pong: () => socket._emit('pong', []),
    error: (e) => socket._emit('error', [{ code: e.code(), message: e.text() }]),
    close: (e) => {
      const code = e.code();
      const reason = e.text();
      socket._closed = true;
      socket._emit('close', [code, reason]);
      for (const id of socket._timers) clearTimeout(id);
      socket._timers.clear();
      for (const w of socket._waiters.slice()) socket._settle(w, w.reject, new Error(`the socket closed (${code}) before a matching message`));
      // After the handlers' promise jobs: a handler failing now still fails the iteration.
      setTimeout(() => settle(response), 0);
    },
  };
}

// A promise of the handshake response, resolved once the socket has closed; for VUs that block (a k6 script in
// --k6-mode sync) the response itself, returned then, as k6/ws's connect() does: the handlers run meanwhile.
export function connect(url, params, fn) {
  if (typeof params === 'function' && fn === undefined) {
    fn = params;
    params = undefined;
  }
  const p = params || {};
  if (fn !== undefined && typeof fn !== 'function') throw new TypeError('ws.connect(url, params, fn): fn must be a function');
  if (p.subprotocols !== undefined && !Array.isArray(p.subprotocols) && typeof p.subprotocols !== 'string') {
    throw new TypeError('ws.connect(): params.subprotocols must be an array of strings');
  }
  if (p.maxMessageSize !== undefined && !(Number(p.maxMessageSize) > 0)) {
    throw new TypeError('ws.connect(): params.maxMessageSize must be a number of bytes > 0');
  }
  const socket = new Socket();
  return deferred((resolve, reject) => {
    const settle = (response) => (socket._error !== undefined ? reject(socket._error) : resolve(response));
    const protocols = p.subprotocols === undefined ? null : [].concat(p.subprotocols).map(String);
    const params = {
      url: String(url),
      headers: flat(p.headers),
      tags: flat(p.tags),
      subprotocols: protocols,
      compression: !!p.compression,
      timeout: p.timeout === undefined ? null : p.timeout,
      maxMessageSize: p.maxMessageSize === undefined ? 0 : Math.min(Math.floor(Number(p.maxMessageSize)), 2 ** 31 - 1),
      insecureSkipTLSVerify: !!p.insecureSkipTLSVerify,
    };
    socket._java = guarded(() => host.wsConnect(params, events(socket, settle)));
    if (fn) socket._call(fn, [socket]);
  });
}

export default { connect, Socket };
