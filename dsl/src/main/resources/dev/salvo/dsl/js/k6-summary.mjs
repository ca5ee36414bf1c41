// salvo's own implementation of k6's k6-summary jslib (https://jslib.k6.io/k6-summary/<version>/index.js):
// textSummary(data, { indent, enableColors }) and jUnit(data, { name, classname }) over the object
// handleSummary(data) receives. The k6 rewrite (K6Source) points that import here.

const COLORS = { green: '\u001b[32m', red: '\u001b[31m', faint: '\u001b[2m', cyan: '\u001b[36m', reset: '\u001b[0m' };

function paint(on, color, text) {
  return on ? COLORS[color] + text + COLORS.reset : text;
}

// k6's humanize: durations from ms, bytes in SI units, counts as they are.
function duration(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '0s';
  if (ms === 0) return '0s';
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)}ns`;
  if (ms < 1) return `${(ms * 1000).toFixed(2)}µs`;
  if (ms < 1000) return `${ms.toFixed(2)}ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)}s`;
  const m = Math.floor(ms / 60000);
  const s = (ms - m * 60000) / 1000;
  return `${m}m${s.toFixed(1)}s`;
}

function bytes(n) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${Math.round(v)} ${units[u]}` : `${v.toFixed(1)} ${units[u]}`;
}

function number(v) {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(6)));
}

function humanize(v, metric) {
  if (metric.contains === 'time') return duration(v);
  if (metric.contains === 'data') return bytes(v);
  return number(v);
}

function valuesText(metric, stats) {
  const v = metric.values || {};
  switch (metric.type) {
    case 'trend':
      return stats.filter((s) => v[s] !== undefined).map((s) => `${s}=${humanize(v[s], metric)}`).join(' ');
    case 'counter': {
      const rate = metric.contains === 'data' ? `${bytes(v.rate)}/s` : `${number(Number(v.rate.toFixed(6)))}/s`;
      return `${humanize(v.count, metric)} ${rate}`;
    }
    case 'rate':
      return `${(v.rate * 100).toFixed(2)}% ✓ ${v.passes} ✗ ${v.fails}`;
    case 'gauge':
      return `${humanize(v.value, metric)} min=${humanize(v.min, metric)} max=${humanize(v.max, metric)}`;
    default:
      return JSON.stringify(v);
  }
}

function checksText(group, indent, colors, depth) {
  const lines = [];
  const pad = indent + '  '.repeat(depth);
  for (const c of group.checks || []) {
    const ok = c.fails === 0;
    const mark = paint(colors, ok ? 'green' : 'red', ok ? '✓' : '✗');
    let line = `${pad}${mark} ${c.name}`;
    if (!ok) {
      const total = c.passes + c.fails;
      line += paint(colors, 'red', `\n${pad}  ↳  ${Math.floor((100 * c.passes) / total)}% — ✓ ${c.passes} / ✗ ${c.fails}`);
    }
    lines.push(line);
  }
  for (const g of group.groups || []) {
    lines.push(`${pad}█ ${g.name}`);
    lines.push('');
    lines.push(...checksText(g, indent, colors, depth + 1));
    lines.push('');
  }
  return lines;
}

export function textSummary(data, options) {
  const opts = options || {};
  const indent = opts.indent === undefined ? ' ' : String(opts.indent);
  const colors = opts.enableColors === true;
  const stats = (data.options && data.options.summaryTrendStats) || ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
  const lines = [''];
  const checks = checksText(data.root_group || {}, indent + '   ', colors, 0);
  if (checks.length > 0) lines.push(...checks, '');
  const names = Object.keys(data.metrics || {}).sort();
  const label = (name) => {
    const brace = name.indexOf('{');
    return brace < 0 ? name : `  { ${name.slice(brace + 1, -1)} }`;
  };
  const width = Math.max(0, ...names.map((n) => label(n).length)) + 3;
  for (const name of names) {
    const m = data.metrics[name];
    let mark = ' ';
    if (m.thresholds) {
      const ok = Object.keys(m.thresholds).every((t) => m.thresholds[t].ok);
      mark = paint(colors, ok ? 'green' : 'red', ok ? '✓' : '✗');
    }
    const l = label(name);
    const dots = paint(colors, 'faint', '.'.repeat(Math.max(1, width - l.length)));
    lines.push(`${indent}${mark} ${l}${dots}: ${paint(colors, 'cyan', valuesText(m, stats))}`);
  }
  return lines.join('\n') + '\n';
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// One test case per threshold, failed when it was breached (the jslib's jUnit()).
export function jUnit(data, options) {
  const opts = options || {};
  const name = opts.name || 'k6 thresholds';
  const cases = [];
  let failures = 0;
  for (const metric of Object.keys(data.metrics || {})) {
    const th = data.metrics[metric].thresholds || {};
    for (const t of Object.keys(th)) {
      const label = `${metric} - ${t}`;
      const cls = opts.classname ? ` classname="${xml(opts.classname)}"` : '';
      if (th[t].ok) cases.push(`<testcase name="${xml(label)}"${cls} />`);
      else {
        failures++;
        cases.push(`<testcase name="${xml(label)}"${cls}><failure message="failed" /></testcase>`);
      }
    }
  }
  return `<?xml version="1.0"?>\n<testsuites tests="${cases.length}" failures="${failures}">\n`
    + `<testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}">${cases.join('\n')}\n</testsuite>\n</testsuites>`;
}

export default { textSummary, jUnit };
