// The 'salvo/http' module: converts arguments and delegates to the Java HTTP client of the VU.
const host = globalThis.__salvo;
const TIMING_NAMES = ['blocked', 'connecting', 'tlsHandshaking', 'sending', 'waiting', 'receiving', 'duration'];

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
  constructor(r) {
    this._r = r;
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
    if (this._body === undefined) this._body = this._r.body();
    return this._body;
  }

  get headers() {
    if (this._headers === undefined) this._headers = JSON.parse(this._r.headersJson());
    return this._headers;
  }

  get timings() {
    if (this._timings === undefined) {
      const t = this._r.timings();
      this._timings = {};
      TIMING_NAMES.forEach((name, i) => { this._timings[name] = t[i]; });
    }
    return this._timings;
  }

  json(path) {
    const body = this.body;
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

const wrap = (resolve) => (r) => resolve(new Response(r));

export function request(method, url, body, params) {
  const verb = String(method).toUpperCase();
  if (params === undefined && (body === null || body === undefined)) {
    // The common case, kept short: it is the code every iteration runs.
    return new Promise((resolve) => host.request(verb, String(url), null, null, null, null, -1, 'text', wrap(resolve)));
  }
  const p = params || {};
  const headers = Object.assign({}, p.headers);
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  let payload = body;
  if (p.json !== undefined && p.json !== true && p.json !== false) payload = p.json;
  if (payload !== null && payload !== undefined && typeof payload === 'object' && !(payload instanceof ArrayBuffer)) {
    if (p.form) {
      payload = encodeForm(payload);
      if (!hasType) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      payload = JSON.stringify(payload);
      if (!hasType) headers['Content-Type'] = 'application/json';
    }
  } else if (typeof payload === 'string' && p.json === true && !hasType) {
    headers['Content-Type'] = 'application/json';
  }
  if (payload !== null && payload !== undefined && typeof payload !== 'string' && !(payload instanceof ArrayBuffer)) {
    payload = String(payload);
  }
  return new Promise((resolve) => host.request(verb, String(url), payload === undefined ? null : payload,
    pairs(headers), pairs(p.tags), p.timeout === undefined ? null : p.timeout,
    p.redirects === undefined ? -1 : Number(p.redirects), p.responseType || 'text', wrap(resolve)));
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

export default { request, get, head, del, options, post, put, patch, Response, TLS_1_0, TLS_1_1, TLS_1_2, TLS_1_3 };
