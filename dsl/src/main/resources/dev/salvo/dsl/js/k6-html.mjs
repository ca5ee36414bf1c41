// The 'k6/html' module of the k6 layer: parseHTML() and res.html() on jsoup (JsSelection), with k6's
// Selection and Element API (jQuery's names). Element methods read the element's own selection of one.
import { unsupported } from './k6-globals.mjs';

const { host, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

const css = (s) => (s === undefined || s === null ? null : String(s));
const orUndefined = (v) => (v === null ? undefined : v);
// [name, value, ...] from Java as { name: value }.
function pairs(flat) {
  const out = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}

export class Selection {
  constructor(j) {
    this._j = j;
  }

  get length() { return this._j.size(); }
  size() { return this._j.size(); }
  find(s) { return new Selection(guarded(() => this._j.find(String(s)))); }
  children(s) { return new Selection(guarded(() => this._j.children(css(s)))); }
  parent(s) { return new Selection(guarded(() => this._j.parent(css(s)))); }
  parents(s) { return new Selection(guarded(() => this._j.parents(css(s)))); }
  closest(s) { return new Selection(guarded(() => this._j.closest(String(s)))); }
  next(s) { return new Selection(guarded(() => this._j.siblings(1, false, css(s)))); }
  nextAll(s) { return new Selection(guarded(() => this._j.siblings(1, true, css(s)))); }
  prev(s) { return new Selection(guarded(() => this._j.siblings(-1, false, css(s)))); }
  prevAll(s) { return new Selection(guarded(() => this._j.siblings(-1, true, css(s)))); }
  filter(s) {
    if (typeof s === 'function') return this._keep((i, el) => s(i, el));
    return new Selection(guarded(() => this._j.filter(String(s))));
  }
  not(s) {
    if (typeof s === 'function') return this._keep((i, el) => !s(i, el));
    return new Selection(guarded(() => this._j.not(String(s))));
  }
  has(s) { return new Selection(guarded(() => this._j.has(String(s)))); }
  is(s) {
    if (typeof s === 'function') return this.toArray().some((sel, i) => s(i, sel.get(0)));
    return guarded(() => this._j.is(String(s)));
  }
  eq(i) { return new Selection(this._j.eq(Number(i))); }
  first() { return this.eq(0); }
  last() { return this.eq(-1); }
  slice(from, to) { return new Selection(this._j.slice(Number(from), to === undefined ? this._j.size() : Number(to))); }
  text() { return this._j.text(); }
  html() { return orUndefined(this._j.html()); }
  attr(name, def) {
    const v = this._j.attr(String(name));
    return v === null ? def : v;
  }
  val() { return orUndefined(this._j.val()); }
  data(key) {
    const out = {};
    if (this._j.size() === 0) return key === undefined ? out : undefined;
    const attrs = pairs(this._j.attributes(0));
    for (const k of Object.keys(attrs)) {
      if (!k.startsWith('data-')) continue;
      const name = k.slice(5).replace(/-([a-z])/g, (m, c) => c.toUpperCase());
      const raw = attrs[k];
      const n = Number(raw);
      out[name] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(n) ? n : raw;
    }
    return key === undefined ? out : out[key];
  }
  get(i) {
    const n = this._j.size();
    const k = Number(i) < 0 ? n + Number(i) : Number(i);
    return k >= 0 && k < n ? new Element(this._j.eq(k)) : undefined;
  }
  toArray() {
    const out = [];
    for (let i = 0; i < this._j.size(); i++) out.push(new Selection(this._j.eq(i)));
    return out;
  }
  // k6's each(fn(index, element)) and map(fn(index, selection)).
  each(fn) {
    for (let i = 0; i < this._j.size(); i++) fn(i, new Element(this._j.eq(i)));
    return this;
  }
  map(fn) {
    const out = [];
    for (let i = 0; i < this._j.size(); i++) {
      const v = fn(i, new Selection(this._j.eq(i)));
      if (v !== undefined && v !== null) out.push(v);
    }
    return out;
  }
  serializeArray() {
    const f = this._j.formFields();
    const out = [];
    for (let i = 0; i + 1 < f.length; i += 2) out.push({ name: f[i], value: f[i + 1] });
    return out;
  }
  serializeObject() {
    const out = {};
    for (const { name, value } of this.serializeArray()) {
      if (out[name] === undefined) out[name] = value;
      else out[name] = [].concat(out[name], value);
    }
    return out;
  }
  serialize() {
    return this.serializeArray().map(({ name, value }) => encodeURIComponent(name) + '=' + encodeURIComponent(value)).join('&');
  }

  _keep(test) {
    const keep = [];
    for (let i = 0; i < this._j.size(); i++) if (test(i, new Element(this._j.eq(i)))) keep.push(i);
    return new Selection(this._j.pick(keep));
  }
}
for (const name of ['contents', 'nextUntil', 'prevUntil', 'parentsUntil', 'add', 'addBack', 'end']) {
  Selection.prototype[name] = unsupported(`Selection.${name}() (k6/html)`);
}

// k6's Element: one node of the document.
export class Element {
  constructor(one) {
    this._one = one;
  }

  nodeName() { return this._one.nodeName(0); }
  get tagName() { return this._one.nodeName(0).toUpperCase(); }
  id() { return this._one.attr('id') === null ? '' : this._one.attr('id'); }
  textContent() { return this._one.textContent(0); }
  innerHTML() { return this._one.html(); }
  outerHTML() { return this._one.outerHtml(0); }
  attributes() {
    const a = pairs(this._one.attributes(0));
    const out = {};
    for (const k of Object.keys(a)) out[k] = { name: k, value: a[k] };
    return out;
  }
  getAttribute(name) { return orUndefined(this._one.attr(String(name))); }
  hasAttribute(name) { return this._one.attr(String(name)) !== null; }
  hasAttributes() { return this._one.attributes(0).length > 0; }
  className() { return orUndefined(this._one.attr('class')); }
  classList() { const c = this._one.attr('class'); return c === null ? [] : c.split(/\s+/).filter((x) => x !== ''); }
  value() { return orUndefined(this._one.val()); }
  selection() { return new Selection(this._one); }
  children() { return new Selection(this._one.children(null)).toArray().map((s) => s.get(0)); }
  firstElementChild() { return new Selection(this._one.children(null)).get(0); }
  lastElementChild() { return new Selection(this._one.children(null)).get(-1); }
  childElementCount() { return this._one.children(null).size(); }
  parentElement() { return new Selection(this._one.parent(null)).get(0); }
  nextElementSibling() { return new Selection(this._one.siblings(1, false, null)).get(0); }
  previousElementSibling() { return new Selection(this._one.siblings(-1, false, null)).get(0); }
  querySelector(s) { return new Selection(guarded(() => this._one.find(String(s)))).get(0); }
  querySelectorAll(s) { return new Selection(guarded(() => this._one.find(String(s)))).toArray().map((x) => x.get(0)); }
  matches(s) { return guarded(() => this._one.is(String(s))); }
}

export function parseHTML(src) {
  return new Selection(host.parseHtml(src === undefined || src === null ? '' : String(src)));
}

export default { parseHTML, Selection, Element };
