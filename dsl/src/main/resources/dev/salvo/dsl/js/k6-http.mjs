// The 'k6/http' module of the k6 layer: salvo's HTTP client with k6's semantics where they differ from
// salvo's: object bodies sent as forms (arrays as repeated keys), basic auth from user:pass@ in the URL,
// response headers in Go's canonical casing, timings with k6's names, res.request, res.cookies, error_code.
// Calls return promises, which the k6 rewrite (K6Source) awaits, or responses where VUs block (--k6-mode sync).
import { unsupported } from './k6-globals.mjs';
import { b64encode } from './k6-encoding.mjs';
import { parseHTML } from './k6-html.mjs';
import salvoHttp from 'salvo/http';

// A response's promise, or the response itself where VUs block (--k6-mode sync): see the prelude's after().
const { after } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

const isBinary = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v);
const isFile = (v) => v instanceof salvoHttp.FileData;

// k6 (Go's url.Values): an array is the same key repeated.
function formEncode(obj) {
  const parts = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    for (const item of Array.isArray(v) ? v : [v]) {
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(item === null || item === undefined ? '' : String(item)));
    }
  }
  return parts.join('&');
}

// Go's textproto.CanonicalMIMEHeaderKey: 'content-type' -> 'Content-Type'.
const canonical = (name) => name.split('-').map((p) => (p.length === 0 ? p : p[0].toUpperCase() + p.slice(1).toLowerCase())).join('-');

const hasHeader = (headers, name) => Object.keys(headers).some((h) => h.toLowerCase() === name);

const UNSUPPORTED_PARAMS = { auth: "params.auth ('digest', 'ntlm')" };

// k6's (method, url, body, params) as salvo's: the URL without credentials, the body and params salvo reads.
function convert(method, url, body, params) {
  const p = Object.assign({}, params);
  for (const key of Object.keys(UNSUPPORTED_PARAMS)) {
    if (p[key] !== undefined && p[key] !== null && !(key === 'auth' && p.auth === 'basic')) unsupported(UNSUPPORTED_PARAMS[key])();
  }
  delete p.auth;
  const headers = Object.assign({}, p.headers);
  let target = String(url);
  const creds = /^(https?:\/\/)([^/@?#]*)@/i.exec(target);
  if (creds !== null) {
    target = creds[1] + target.slice(creds[0].length);
    if (!hasHeader(headers, 'authorization')) headers.Authorization = 'Basic ' + b64encode(decodeURIComponent(creds[2]));
  }
  let payload = body;
  if (payload !== null && payload !== undefined && typeof payload === 'object' && !isBinary(payload)
      && !Object.keys(payload).some((k) => isFile(payload[k]))) {
    payload = formEncode(payload);
    if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  p.headers = headers;
  return { method: String(method).toUpperCase(), url: target, body: payload, params: p };
}

function parseCookies(setCookie) {
  const out = {};
  if (!setCookie) return out;
  for (const line of String(setCookie).split(/\n|, (?=[^;=,\s]+=)/)) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const c = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), domain: '', path: '', http_only: false, secure: false, max_age: 0, expires: 0 };
    for (const a of attrs) {
      const [k, v] = a.split('=').map((x) => x.trim());
      const key = k.toLowerCase();
      if (key === 'domain') c.domain = v;
      else if (key === 'path') c.path = v;
      else if (key === 'httponly') c.http_only = true;
      else if (key === 'secure') c.secure = true;
      else if (key === 'max-age') c.max_age = Number(v);
      else if (key === 'expires') c.expires = Date.parse(v) || 0;
    }
    (out[c.name] = out[c.name] || []).push(c);
  }
  return out;
}

// The reason phrases of Go's http.StatusText, which k6's status_text shows after the code.
const REASONS = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
  206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large', 414: 'Request URI Too Long',
  415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  510: 'Not Extended', 511: 'Network Authentication Required',
};

// A k6 Response over salvo's: the same values, k6's names.
class Response {
  constructor(r, sent) {
    this._r = r;
    this._sent = sent;
  }

  get status() { return this._r.status; }
  get url() { return this._r.url; }
  get proto() { return this._r.proto; }
  get tls_version() { return this._r.tls_version; }
  get error() { return this._r.error; }
  get error_code() { return this._r.errorCode || 0; }
  // Go's resp.Status: '200 OK'; '' when no response came (status 0).
  get status_text() {
    const s = this._r.status;
    return s === 0 ? '' : `${s} ${REASONS[s] || ''}`.trimEnd();
  }
  get body() { return this._r.body; }

  get headers() {
    if (this._headers === undefined) {
      const h = {};
      const raw = this._r.headers;
      for (const k of Object.keys(raw)) h[canonical(k)] = raw[k];
      this._headers = h;
    }
    return this._headers;
  }

  get timings() {
    if (this._timings === undefined) {
      const t = this._r.timings;
      this._timings = {
        blocked: t.blocked, connecting: t.connecting, tls_handshaking: t.tlsHandshaking, sending: t.sending,
        waiting: t.waiting, receiving: t.receiving, duration: t.duration,
      };
    }
    return this._timings;
  }

  get cookies() {
    if (this._cookies === undefined) this._cookies = parseCookies(this._r.headers['set-cookie']);
    return this._cookies;
  }

  get request() {
    const s = this._sent;
    const headers = {};
    for (const k of Object.keys(s.params.headers || {})) headers[canonical(k)] = [String(s.params.headers[k])];
    return { method: s.method, url: s.url, headers, body: typeof s.body === 'string' ? s.body : '', cookies: {} };
  }

  json(selector) {
    return this._r.json(selector);
  }
}
// res.html(selector?): the body parsed as k6/html's parseHTML does; a selector finds in it.
Response.prototype.html = function html(selector) {
  const doc = parseHTML(this._r.body);
  return selector === undefined ? doc : doc.find(selector);
};
// res.submitForm({ formSelector, fields, submitSelector, params }): the form's fields (as the browser would send
// them, then `fields` over them) to its action, by its method; a GET puts them in the query.
Response.prototype.submitForm = function submitForm(opts) {
  const o = opts || {};
  const selector = o.formSelector || 'form';
  const form = this.html(selector).first();
  if (form.size() === 0) throw new TypeError(`res.submitForm(): no form matches '${selector}'`);
  const method = String(form.attr('method') || 'GET').toUpperCase();
  const action = form._j.absUrl(0, 'action', this.url);
  const fields = form.serializeObject();
  if (o.submitSelector) {
    const button = form.find(o.submitSelector).first();
    if (button.size() > 0 && button.attr('name')) fields[button.attr('name')] = button.val() === undefined ? '' : button.val();
  }
  Object.assign(fields, o.fields || {});
  if (method === 'GET') return request('GET', action.replace(/\?.*$/, '') + '?' + formEncode(fields), null, o.params);
  return request(method, action, fields, o.params);
};

// res.clickLink({ selector, params }): a GET of the first matching link's href, resolved against the response's URL.
Response.prototype.clickLink = function clickLink(opts) {
  const o = opts || {};
  const selector = o.selector || 'a[href]';
  const link = this.html(selector).first();
  if (link.size() === 0) throw new TypeError(`res.clickLink(): no link matches '${selector}'`);
  return request('GET', link._j.absUrl(0, 'href', this.url), null, o.params);
};

export function request(method, url, body, params) {
  const c = convert(method, url, body, params);
  return after(salvoHttp.request(c.method, c.url, c.body, c.params), (r) => new Response(r, c));
}

// k6's batch entries: 'url', [method, url, body?, params?] or { method, url, body, params }.
function batchEntry(r) {
  if (typeof r === 'string') return convert('GET', r, null, undefined);
  if (Array.isArray(r)) return convert(r[0], r[1], r[2], r[3]);
  if (r !== null && typeof r === 'object') return convert(r.method || 'GET', r.url, r.body, r.params);
  throw new TypeError('http.batch(): each request must be a URL, [method, url, body?, params?] or { method, url, body?, params? }');
}

export function batch(requests) {
  if (requests === null || typeof requests !== 'object') throw new TypeError('http.batch(requests): requests must be an array or an object');
  const keys = Object.keys(requests);
  const converted = keys.map((k) => batchEntry(requests[k]));
  const list = converted.map((c) => [c.method, c.url, c.body, c.params]);
  return after(salvoHttp.batch(list), (responses) => {
    const out = Array.isArray(requests) ? [] : {};
    keys.forEach((k, i) => { out[Array.isArray(requests) ? i : k] = new Response(responses[i], converted[i]); });
    return out;
  });
}

// k6's http.url`...`: the URL as a string (k6 also names the request after the template; salvo does not yet).
export function url(strings, ...values) {
  return strings.reduce((s, part, i) => s + part + (i < values.length ? String(values[i]) : ''), '');
}

export const get = (u, params) => request('GET', u, null, params);
export const head = (u, params) => request('HEAD', u, null, params);
export const del = (u, body, params) => request('DELETE', u, body, params);
export const options = (u, body, params) => request('OPTIONS', u, body, params);
export const post = (u, body, params) => request('POST', u, body, params);
export const put = (u, body, params) => request('PUT', u, body, params);
export const patch = (u, body, params) => request('PATCH', u, body, params);

export const { file, cookieJar, expectedStatuses, setResponseCallback, TLS_1_0, TLS_1_1, TLS_1_2, TLS_1_3 } = salvoHttp;
// new http.CookieJar(): a jar of its own, for the requests that pass it as params.jar.
export const CookieJar = salvoHttp.CookieJar;
export const OCSP_STATUS_GOOD = 'good';

export default {
  request, batch, url, get, head, del, options, post, put, patch, file, cookieJar, expectedStatuses, setResponseCallback,
  CookieJar, Response, TLS_1_0, TLS_1_1, TLS_1_2, TLS_1_3,
};
