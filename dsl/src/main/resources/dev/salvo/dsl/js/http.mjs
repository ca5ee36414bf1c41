// The 'salvo/http' module: converts arguments and delegates to the Java HTTP client of the VU.
const { host, scriptError, guarded, deferred } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

function select(value, path) {
  let v = value;
  for (const part of String(path).split('.')) {
    if (v === null || v === undefined) return undefined;
    v = v[part];
  }
  return v;
}

export class Response {
  // Reads from the Java response lazily: most scripts look at status and body only.
  // binary: responseType 'binary', the body is an ArrayBuffer.
  constructor(r, binary) {
    this._r = r;
    this._binary = binary === true;
  }

  get status() {
    return this._r.status();
  }

  get url() {
    return this._r.url();
  }

  get proto() {
    return this._r.proto();
  }

  // k6's name: 'tls1.3', or '' without TLS.
  get tls_version() {
    return this._r.tlsVersion();
  }

  get error() {
    return this._r.error() || '';
  }

  get errorCode() {
    return this._r.errorCode();
  }

  get body() {
    if (this._body === undefined) {
      const bytes = this._binary ? this._r.bodyBuffer() : null;
      this._body = this._binary ? (bytes === null ? null : new ArrayBuffer(bytes)) : this._r.body();
    }
    return this._body;
  }

  get headers() {
    if (this._headers === undefined) this._headers = JSON.parse(this._r.headersJson());
    return this._headers;
  }

  get timings() {
    if (this._timings === undefined) {
      const t = this._r.timings();
      this._timings = {
        blocked: t.blocked(),
        connecting: t.connecting(),
        tlsHandshaking: t.tlsHandshaking(),
        sending: t.sending(),
        waiting: t.waiting(),
        receiving: t.receiving(),
        duration: t.duration(),
      };
    }
    return this._timings;
  }

  json(path) {
    const body = this._binary ? this._r.body() : this.body;
    if (body === null || body === undefined) throw new Error('the response has no body (responseType none?)');
    const value = JSON.parse(body);
    return path === undefined ? value : select(value, path);
  }
}

function encodeForm(obj) {
  return Object.keys(obj).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(String(obj[k]))).join('&');
}

function pairs(obj) {
  if (!obj) return null;
  const out = [];
  for (const k of Object.keys(obj)) out.push(k, String(obj[k]));
  return out;
}

// A file part of a multipart body, as k6's http.file() makes it.
export class FileData {
  constructor(data, filename, contentType) {
    this.data = data;
    this.filename = filename;
    this.content_type = contentType;
  }
}

const isBinary = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v);
// A typed array or DataView is sent as the bytes it views, not its whole buffer.
const binary = (v) => (v instanceof ArrayBuffer ? v : v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
const bytesOrText = (v) => (isBinary(v) ? binary(v) : String(v));

export function file(data, filename, contentType) {
  if (typeof data !== 'string' && !isBinary(data)) {
    throw new TypeError('http.file(data, filename, contentType): data must be a string or an ArrayBuffer (open(path, \'b\'))');
  }
  return new FileData(data, filename === undefined ? undefined : String(filename),
    contentType === undefined ? 'application/octet-stream' : String(contentType));
}

function multipart(obj) {
  const parts = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v instanceof FileData) {
      parts.push({ name: k, filename: v.filename === undefined ? k : v.filename, contentType: v.content_type, data: bytesOrText(v.data) });
    } else {
      parts.push({ name: k, filename: null, contentType: null, data: bytesOrText(v) });
    }
  }
  return guarded(() => host.multipart(parts));
}

// params.jar: a CookieJar (its host object goes to Java), or null for the VU's.
function jarOf(jar) {
  if (jar === undefined || jar === null) return null;
  if (!(jar instanceof CookieJar)) throw new TypeError('params.jar must be a cookie jar (new http.CookieJar() or http.cookieJar())');
  return jar._jar;
}

// params.cookies: { name: 'value' } or { name: { value, replace } } -> [{ name, value, replace }, ...]
function cookieList(cookies) {
  if (!cookies) return null;
  const out = [];
  for (const name of Object.keys(cookies)) {
    const c = cookies[name];
    if (c !== null && typeof c === 'object') out.push({ name, value: String(c.value === undefined ? '' : c.value), replace: Boolean(c.replace) });
    else out.push({ name, value: String(c), replace: false });
  }
  return out;
}

// k6's http.expectedStatuses(): the Java set hides under a symbol of this module, so a script sees an
// opaque frozen object it can only hand back (params.expectedStatuses, setResponseCallback).
const SET = Symbol('expectedStatuses');

class ExpectedStatuses {
  constructor(set) {
    this[SET] = set;
    Object.freeze(this);
  }
}

function shown(v) {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

// Integers and { min, max } -> the Java set; `where(i)` names the i-th argument in an error.
function statusSet(args, what, where) {
  if (args.length === 0) throw new TypeError(`${what}: give at least one status code or { min, max }`);
  const bounds = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Number.isInteger(a)) bounds.push(a, a);
    else if (a !== null && typeof a === 'object' && Number.isInteger(a.min) && Number.isInteger(a.max)) bounds.push(a.min, a.max);
    else throw new TypeError(`${what}: ${where(i)} must be a status code or { min, max }, not ${shown(a)}`);
  }
  const set = guarded(() => host.expectedStatuses(bounds));
  if (typeof set === 'string') throw new TypeError(`${what}: ${set}`);
  return set;
}

export function expectedStatuses(...statuses) {
  return new ExpectedStatuses(statusSet(statuses, 'http.expectedStatuses()', (i) => `argument ${i + 1}`));
}

// params.expectedStatuses -> the Java set, or null for the VU's default.
function expectedOf(e) {
  if (e === undefined || e === null) return null;
  if (e instanceof ExpectedStatuses) return e[SET];
  if (Array.isArray(e)) return statusSet(e, 'params.expectedStatuses', (i) => `[${i}]`);
  throw new TypeError(`params.expectedStatuses must be http.expectedStatuses(...) or an array of status codes and { min, max }, not ${shown(e)}`);
}

// k6's default for the VU's later requests: http.expectedStatuses(...), or null for "no request fails".
export function setResponseCallback(callback) {
  if (callback !== null && !(callback instanceof ExpectedStatuses)) {
    throw new TypeError(`http.setResponseCallback(callback): callback must be http.expectedStatuses(...) or null, not ${shown(callback)}`);
  }
  guarded(() => host.setResponseCallback(callback === null ? null : callback[SET]));
}

// One request as host.request() reads it, by member name (JsRequest on the Java side).
function prepare(method, url, body, params) {
  const verb = String(method).toUpperCase();
  const p = params || {};
  const headers = Object.assign({}, p.headers);
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  let payload = body;
  if (p.json !== undefined && p.json !== true && p.json !== false) payload = p.json;
  if (payload === null || payload === undefined) {
    payload = null;
  } else if (isBinary(payload)) {
    payload = binary(payload);
  } else if (typeof payload === 'object') {
    if (Object.keys(payload).some((k) => payload[k] instanceof FileData)) {
      payload = multipart(payload);
      if (!hasType) headers['Content-Type'] = payload.contentType();
    } else if (p.form) {
      payload = encodeForm(payload);
      if (!hasType) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      payload = JSON.stringify(payload);
      if (!hasType) headers['Content-Type'] = 'application/json';
    }
  } else {
    if (typeof payload === 'string' && p.json === true && !hasType) headers['Content-Type'] = 'application/json';
    payload = String(payload);
  }
  const compression = p.compression === undefined || p.compression === null ? null : String(p.compression);
  const problem = compression === null ? null : host.compressionProblem(compression);
  if (problem) throw new TypeError(`params.compression: ${problem}`);
  return {
    method: verb,
    url: String(url),
    body: payload,
    headers: pairs(headers),
    tags: pairs(p.tags),
    timeout: p.timeout === undefined ? null : p.timeout,
    redirects: p.redirects === undefined ? -1 : Number(p.redirects),
    responseType: String(p.responseType || 'text'),
    cookies: cookieList(p.cookies),
    compression,
    expected: expectedOf(p.expectedStatuses),
    jar: jarOf(p.jar),
  };
}

// Java refuses a request it cannot build (a bad URL or header) with an error whose stack has no
// script frame; a TypeError made here points at the script's line instead.
function send(call) {
  try {
    call();
  } catch (e) {
    const error = scriptError(e);
    throw error === e ? e : new TypeError(e.message);
  }
}

const wrap = (resolve, responseType) => (r) => resolve(new Response(r, responseType === 'binary'));

export function request(method, url, body, params) {
  if (params === undefined && (body === null || body === undefined)) {
    // The common case, kept short: it is the code every iteration runs.
    const verb = String(method).toUpperCase();
    return deferred((resolve) => send(() => host.send(verb, String(url), wrap(resolve))));
  }
  const a = prepare(method, url, body, params);
  return deferred((resolve) => send(() => host.request(a, wrap(resolve, a.responseType))));
}

// One entry of batch(): 'url', [method, url, body?, params?] or { method, url, body, params }.
function batchEntry(r, key) {
  if (typeof r === 'string') return prepare('GET', r, null, undefined);
  if (Array.isArray(r) && r.length >= 2) return prepare(r[0], r[1], r[2], r[3]);
  if (r !== null && typeof r === 'object' && !Array.isArray(r) && r.url !== undefined) {
    return prepare(r.method || 'GET', r.url, r.body, r.params);
  }
  throw new TypeError(`http.batch(): request ${JSON.stringify(key)} must be a URL, [method, url, body?, params?] or { method, url, body?, params? }`);
}

// batch([...]) -> promise of an array of responses; batch({ name: ... }) -> promise of { name: response }
// (the responses themselves for VUs that block: deferred()).
export function batch(requests) {
  if (requests === null || typeof requests !== 'object') {
    throw new TypeError('http.batch(requests): requests must be an array or an object');
  }
  const keys = Array.isArray(requests) ? null : Object.keys(requests);
  const list = keys === null ? requests : keys.map((k) => requests[k]);
  const prepared = list.map((r, i) => batchEntry(r, keys === null ? i : keys[i]));
  return deferred((resolve) => send(() => host.batch(prepared, (responses) => {
    const out = keys === null ? [] : {};
    for (let i = 0; i < list.length; i++) {
      const res = new Response(responses[i], prepared[i].responseType === 'binary');
      if (keys === null) out.push(res);
      else out[keys[i]] = res;
    }
    resolve(out);
  })));
}

// k6's cookie jar: http.cookieJar() is the running VU's; new CookieJar() is one of its own, used by the
// requests that pass it as params.jar. cookiesForURL, set, clear, delete.
class CookieJar {
  constructor(jar) {
    this._jar = jar === undefined ? host.newCookieJar() : jar;
  }

  cookiesForURL(url) {
    return JSON.parse(guarded(() => this._jar.cookiesJson(String(url))));
  }

  // opts: { domain, path, expires (a date string), max_age (seconds), secure, http_only }
  set(url, name, value, opts) {
    const o = opts || {};
    let expiresAt = -1; // until the jar is cleared
    if (o.max_age !== undefined) expiresAt = Math.max(0, Date.now() + Number(o.max_age) * 1000);
    else if (o.expires !== undefined) {
      expiresAt = Date.parse(o.expires);
      if (Number.isNaN(expiresAt)) throw new TypeError(`cookieJar().set(): expires '${o.expires}' is not a date`);
      expiresAt = Math.max(0, expiresAt);
    }
    guarded(() => this._jar.set(String(url), String(name), String(value), o.domain === undefined ? null : String(o.domain),
      o.path === undefined ? null : String(o.path), expiresAt, Boolean(o.secure), Boolean(o.http_only)));
  }

  clear(url) {
    guarded(() => this._jar.clear(String(url)));
  }

  delete(url, name) {
    guarded(() => this._jar.delete(String(url), String(name)));
  }
}

export function cookieJar() {
  return new CookieJar(guarded(() => host.cookieJar()));
}

export const get = (url, params) => request('GET', url, null, params);
export const head = (url, params) => request('HEAD', url, null, params);
export const del = (url, params) => request('DELETE', url, null, params);
export const options = (url, params) => request('OPTIONS', url, null, params);
export const post = (url, body, params) => request('POST', url, body, params);
export const put = (url, body, params) => request('PUT', url, body, params);
export const patch = (url, body, params) => request('PATCH', url, body, params);

// k6's constants for options.tlsVersion.
export const TLS_1_0 = 'tls1.0';
export const TLS_1_1 = 'tls1.1';
export const TLS_1_2 = 'tls1.2';
export const TLS_1_3 = 'tls1.3';

export default {
  request, get, head, del, options, post, put, patch, batch, file, cookieJar, expectedStatuses, setResponseCallback,
  Response, FileData, CookieJar, TLS_1_0, TLS_1_1, TLS_1_2, TLS_1_3,
};
