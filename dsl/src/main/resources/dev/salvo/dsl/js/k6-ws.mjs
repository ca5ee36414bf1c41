// The 'k6/ws' module of the k6 layer: salvo/ws with k6's event arguments. ws.connect() returns a promise
// resolved with the handshake response once the socket has closed; the k6 rewrite (K6Source) awaits it.
// Where VUs block (--k6-mode sync) it returns the response itself (the prelude's after()).
import './k6-globals.mjs';
import salvoWs from 'salvo/ws';

const { after } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

// k6's error event has error(): the message; salvo's is { code, message }.
const k6Error = (e) => ({ error: () => e.message, code: e.code, message: e.message });

export function connect(url, params, fn) {
  if (typeof params === 'function' && fn === undefined) {
    fn = params;
    params = undefined;
  }
  const wrapped = fn === undefined ? undefined : function (socket) {
    const on = socket.on.bind(socket);
    socket.on = (event, handler) => on(event, event === 'error' && typeof handler === 'function'
      ? (e) => handler.call(socket, k6Error(e)) : handler);
    return fn.call(this, socket);
  };
  return after(salvoWs.connect(url, params, wrapped), (r) => ({
    status: r.status, url: r.url, headers: r.headers, body: '', error: r.error, error_code: r.errorCode || 0,
  }));
}

export default { connect };
