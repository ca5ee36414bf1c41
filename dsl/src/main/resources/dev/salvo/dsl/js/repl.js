// Evaluated once in the REPL's context, after the prelude and the module that binds salvo's
// modules as globals: awaits results, keeps `_`, and prints values the way Node's REPL does.
(function () {
  'use strict';
  const BODY_LINES = 20;
  const REASONS = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
    304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
    409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout' };
  const Response = globalThis.http.Response;
  const ms = (v) => (Math.round(v * 100) / 100).toString();

  const response = (r) => {
    const out = [];
    if (r.status === 0) {
      out.push(`request failed: ${r.error} (errorCode ${r.errorCode})`);
      // an unknown authority or another host's certificate: a test server's, most often
      if (r.errorCode === 1310 || r.errorCode === 1311) out.push('(salvo repl --insecure-skip-tls-verify accepts any certificate)');
      return out.join('\n');
    }
    out.push(`${r.proto || 'HTTP/1.1'} ${r.status} ${REASONS[r.status] || ''}`.trimEnd());
    const t = r.timings;
    out.push(`timings (ms): blocked ${ms(t.blocked)} · connect ${ms(t.connecting)} · TLS ${ms(t.tlsHandshaking)}`
      + ` · send ${ms(t.sending)} · wait ${ms(t.waiting)} · receive ${ms(t.receiving)} · total ${ms(t.duration)}`);
    for (const [k, v] of Object.entries(r.headers)) out.push(`${k}: ${v}`);
    const body = r.body;
    if (body === null || body === undefined || body === '') return out.join('\n');
    let text = body;
    try { text = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON: as is */ }
    const lines = String(text).split('\n');
    out.push('');
    out.push(...lines.slice(0, BODY_LINES));
    if (lines.length > BODY_LINES) out.push(`… ${lines.length - BODY_LINES} more lines (all of it: _.body)`);
    return out.join('\n');
  };

  // ANSI colours as Node's REPL uses them, when the terminal has them (NO_COLOR unset)
  let colour = false;
  const paint = (code, text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);

  const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
  const show = (v, depth, seen) => {
    switch (typeof v) {
      case 'string': return paint(32, depth === 0 ? `'${v}'` : `'${v.replace(/'/g, "\\'")}'`);
      case 'undefined': return paint(90, 'undefined');
      case 'function': return paint(36, `[${v.constructor && v.constructor.name === 'AsyncFunction' ? 'AsyncFunction' : 'Function'}: ${v.name || '(anonymous)'}]`);
      case 'bigint': return paint(33, `${v}n`);
      case 'symbol': return paint(32, v.toString());
      case 'object': break;
      default: return paint(33, String(v));
    }
    if (v === null) return paint(1, 'null');
    if (v instanceof Response) return depth === 0 ? response(v) : `Response { status: ${v.status}, url: '${v.url}' }`;
    if (v instanceof Error) return String(v.stack || v);
    if (v instanceof Promise) return 'Promise { <pending> }';
    if (seen.includes(v)) return '[Circular]';
    if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
    const inner = seen.concat([v]);
    const parts = Array.isArray(v) ? v.map((x) => show(x, depth + 1, inner))
      : Object.keys(v).map((k) => `${key(k)}: ${show(v[k], depth + 1, inner)}`);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (parts.length === 0) return open + close;
    const flat = `${open} ${parts.join(', ')} ${close}`;
    if (flat.length <= 72 && !flat.includes('\n')) return flat;
    const pad = '  '.repeat(depth + 1);
    return `${open}\n${parts.map((p) => pad + p).join(',\n')}\n${'  '.repeat(depth)}${close}`;
  };

  const names = (v) => {
    const out = new Set();
    for (let o = Object(v); o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      // internal fields (_body, _timings) stay hidden; `_`, the last result, is shown
      for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor' && (k === '_' || !k.startsWith('_'))) out.add(k);
    }
    return [...out].join('\n');
  };

  return Object.freeze({
    // Awaits v when the input awaited (wrapped: it ran in an async function), keeps it as `_` and
    // reports it printed: done.ok(text) or done.fail(error). A promise the input did not await is
    // shown as Node shows one, Promise { <pending> }, and stays a promise.
    settle(v, declaration, wrapped, done) {
      if (!wrapped && v instanceof Promise) {
        v.catch(() => {}); // its rejection is the user's to see by awaiting it, not an unhandled one
        if (!declaration) globalThis._ = v;
        done.ok(declaration ? '' : show(v, 0, []));
        return;
      }
      Promise.resolve(v).then((x) => {
        if (!declaration && x !== undefined) globalThis._ = x;
        done.ok(declaration ? '' : show(x, 0, []));
      }, (e) => done.fail(e));
    },
    show: (v) => show(v, 0, []),
    colours: (on) => { colour = on; return ''; },
    names,
    describe: (e) => (e instanceof Error ? String(e.stack || e) : show(e, 0, [])),
  });
})
