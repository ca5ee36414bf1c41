// salvo's live page: polls /api/stats once a second and draws what it says; every control is a call of the JSON API (docs/web.md).
'use strict';
const $ = (id) => document.getElementById(id);
const WINDOW = 600; // points kept on the charts: the last ten minutes
const state = { since: 0, updates: 0, phase: null, loads: [], intervals: [] };
window.salvo = state; // for the browser test, the bench and the curious
/** "updates p50 p95 max" of the intervals between updates, in ms. */
state.intervalStats = () => {
  const a = [...state.intervals].sort((x, y) => x - y);
  const at = (q) => (a.length ? a[Math.min(a.length - 1, Math.floor(q * a.length))] : 0);
  return [state.updates, at(0.5), at(0.95), a.length ? a[a.length - 1] : 0].join(' ');
};

function chart(id, datasets, options = {}) {
  return new Chart($(id), {
    type: 'line',
    data: { labels: [], datasets: datasets.map(([label, color]) => ({ label, data: [], borderColor: color, backgroundColor: color,
      pointRadius: 0, borderWidth: 1.5, spanGaps: false })) },
    options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: true } } }, options),
  });
}
const charts = {
  rps: chart('chart-rps', [['requests/s', '#3b6fd1'], ['failures/s', '#c23b3b']]),
  latency: chart('chart-latency', [['p50', '#2f8f4e'], ['p95', '#c08a1a'], ['p99', '#c23b3b']]),
  vus: chart('chart-vus', [['VUs', '#56607a']]),
};
state.charts = charts;

function push(c, label, values) {
  c.data.labels.push(label);
  values.forEach((v, i) => c.data.datasets[i].data.push(v));
  if (c.data.labels.length > WINDOW) {
    c.data.labels.shift();
    c.data.datasets.forEach((d) => d.data.shift());
  }
}

const num = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(digits));
const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; };
function fill(table, rows) {
  const body = $(table).tBodies[0];
  body.replaceChildren(...rows.map((cells) => {
    const tr = document.createElement('tr');
    if (cells.total) tr.className = 'total';
    cells.forEach((c) => tr.appendChild(Array.isArray(c) ? cell(c[0], c[1]) : cell(c)));
    return tr;
  }));
}

function render(s) {
  const st = s.state;
  state.phase = s.phase;
  state.loads = st.loads || [];
  $('script').textContent = st.script;
  $('phase').textContent = s.phase + (st.verdict ? ' · ' + st.verdict : '');
  $('phase').className = 'badge ' + s.phase;
  $('vus').textContent = st.vus;
  const ends = (st.loads || []).map((l) => l.endSeconds);
  $('elapsed').textContent = num(st.elapsedSeconds, 0) + 's' + (ends.length ? ' of ' + num(Math.max(...ends), 0) + 's' : '');
  for (const p of s.history) {
    const label = new Date(p.t).toLocaleTimeString();
    push(charts.rps, label, [p.rps, p.fps]);
    push(charts.latency, label, [p.p50, p.p95, p.p99]);
    push(charts.vus, label, [p.vus]);
    state.since = p.t;
  }
  const last = s.history[s.history.length - 1];
  if (last) $('rps').textContent = num(last.rps, 0);
  Object.values(charts).forEach((c) => c.update('none'));
  const agg = s.aggregated;
  if (agg) $('failures').textContent = agg.count ? num(100 * agg.failures / agg.count, 2) + '%' : '0%';
  controls(s.phase, st);
  fleet(st.fleet);
  if (!s.requests) return;
  const d = (r) => r.duration;
  fill('requests', s.requests.map((r) => [r.name, r.method, r.count, r.failures, num(d(r).med), num(d(r)['p(95)']), num(d(r)['p(99)']),
    num(d(r).max), num(r.rps)]).concat(agg ? [Object.assign(['Aggregated', '', agg.count, agg.failures, num(agg.p50), num(agg.p95),
    num(agg.p99), num(agg.max), num(agg.rps)], { total: true })] : []));
  fill('thresholds', s.thresholds.map((t) => [[t.passed ? '✓' : '✗', t.passed ? 'pass' : 'fail'], t.metric, t.condition,
    t.observed === null ? 'no data' : num(t.observed, 3)]));
  fill('checks', s.checks.map((c) => [(c.group ? c.group + ' › ' : '') + c.name, c.passes, [c.fails, c.fails ? 'fail' : '']]));
  fill('errors', s.httpErrors.map((e) => [e.method + ' ' + e.name, e.error, e.count])
    .concat(s.iterationErrors.map((e) => ['iteration', e.message, e.count])));
  const m = s.metrics;
  const g = (name, key) => (m[name] ? m[name].values[key] : undefined);
  fill('generator', [
    ['salvo CPU', num(g('salvo_cpu', 'value'), 0) + '% (' + num(g('salvo_cpu_cores', 'value'), 2) + ' cores)'],
    ['machine CPU', num(g('salvo_machine_cpu', 'value'), 0) + '%'],
    ['event-loop lag p99 ms', num(g('salvo_loop_lag', 'p(99)'), 2)],
    ['GC pause max ms', num(g('salvo_gc_pause', 'max'), 1)],
    ['heap after GC MB', num((g('salvo_heap_after_gc', 'value') || 0) / 1048576, 0)],
    ['connections', num(g('salvo_connections', 'value'), 0)],
    ['late requests', num(g('salvo_late_requests', 'count'), 0)],
  ]);
  $('warnings').replaceChildren(...(s.warnings || []).map((w) => { const div = document.createElement('div'); div.textContent = '⚠ ' + w; return div; }));
}

/** salvo coordinate --web: the shards' states; the fleet starts with its shards and its load is theirs (only Stop applies). */
function fleet(f) {
  $('fleet').hidden = !f;
  $('fleet-stat').hidden = !f;
  $('download-fleet').hidden = !f;
  $('download-history').hidden = !!f;
  $('load-form').classList.toggle('fleet', !!f);
  if (!f) return;
  $('fleet-count').textContent = f.connected + ' of ' + f.shards + (f.lost ? ', ' + f.lost + ' lost' : '');
  fill('segments', f.segments.map((x) => [x.segment, x.name || '–', [x.state, x.state === 'lost' ? 'fail' : ''], x.seconds, x.lost || '']));
}

function controls(phase, st) {
  $('start-form').hidden = phase !== 'waiting' || !!st.fleet;
  $('load-form').hidden = !(phase === 'running' || phase === 'stopping');
  const select = $('load-scenario');
  const names = (st.loads || []).map((l) => l.scenario);
  if (select.options.length !== names.length || names.some((n, i) => select.options[i].value !== n)) {
    select.replaceChildren(...(st.loads || []).map((l) => new Option(l.scenario + ' (' + l.unit + ')', l.scenario)));
  }
  const chosen = (st.loads || []).find((l) => l.scenario === select.value);
  if (chosen) {
    $('load-unit').textContent = chosen.unit === 'vus' ? 'VUs' : 'rate /timeUnit';
    if (document.activeElement !== $('load-target')) $('load-target').placeholder = num(chosen.target, chosen.unit === 'vus' ? 0 : 1);
    if (document.activeElement !== $('load-duration')) $('load-duration').placeholder = num(chosen.endSeconds, 0) + 's';
  }
}

async function call(path, body) {
  const res = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  $('message').textContent = res.ok ? '' : json.error;
  if (!res.ok) throw new Error(json.error);
  return json;
}

$('start-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const body = {};
  if ($('start-vus').value) body.vus = Number($('start-vus').value);
  if ($('start-spawn').value) body.spawnRate = Number($('start-spawn').value);
  if ($('start-rate').value) body.rate = Number($('start-rate').value);
  if ($('start-duration').value) body.duration = $('start-duration').value;
  call('api/start', body).catch(() => {});
});
$('load-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const chosen = state.loads.find((l) => l.scenario === $('load-scenario').value);
  if (!chosen || !($('load-target').value || $('load-duration').value)) return;
  const body = { scenario: chosen.scenario };
  if ($('load-target').value) body[chosen.unit] = Number($('load-target').value);
  if ($('load-target').value && $('load-ramp').value) body.ramp = $('load-ramp').value;
  if ($('load-duration').value) body.duration = $('load-duration').value;
  call('api/load', body).then(() => { $('load-target').value = ''; $('load-duration').value = ''; }).catch(() => {});
});
$('stop').addEventListener('click', () => call('api/stop', {}).catch(() => {}));

async function poll() {
  try {
    render(await call('api/stats?since=' + state.since));
    const now = Date.now();
    // how often the page really updates (bench/peers/run.sh --long reads it): 1000 ms plus a poll and a render
    if (state.lastUpdate) state.intervals.push(now - state.lastUpdate);
    if (state.intervals.length > 3600) state.intervals.shift();
    state.updates++;
    state.lastUpdate = now;
  } catch (e) {
    $('message').textContent = 'salvo does not answer: ' + e.message;
  }
  setTimeout(poll, 1000);
}
poll();
