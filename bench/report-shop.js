// A rich run for report.html (docs/outputs.md): several requests, a custom Trend and Counter, a
// WebSocket scenario, iteration errors and a threshold that fails. ./salvo run --demo --out DIR bench/report-shop.js
import http from 'salvo/http';
import ws from 'salvo/ws';
import { check, group, sleep, env } from 'salvo';
import { Trend, Counter } from 'salvo/metrics';

const itemLatency = new Trend('item_latency', true);
const itemsSeen = new Counter('items_seen');

export const options = {
  scenarios: {
    browse: { executor: 'ramping-vus', startVUs: 1, stages: [{ duration: '10s', target: 8 }, { duration: '10s', target: 8 }], exec: 'browse' },
    ticker: { executor: 'constant-vus', vus: 2, duration: '20s', exec: 'ticker' },
  },
  thresholds: {
    'http_req_duration{name:get item}': ['p(95)<5'],
    checks: ['rate>0.9'],
  },
};

export async function browse() {
  await group('catalogue', async () => {
    const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
    check(list, { 'list is 200': (r) => r.status === 200 });
    const items = list.json();
    itemsSeen.add(items.length);
    const t0 = Date.now();
    const item = await http.get(`${env.BASE_URL}/api/items/${items[0].id}`, { tags: { name: 'get item' } });
    itemLatency.add(Date.now() - t0);
    check(item, { 'item has a name': (r) => typeof r.json('name') === 'string' });
  });
  const missing = await http.get(`${env.BASE_URL}/api/items/999999`, { tags: { name: 'missing item' } });
  if (Math.random() < 0.05) throw new Error('basket is empty');
  check(missing, { 'missing is 404': (r) => r.status === 404 });
  await sleep(0.1);
}

export async function ticker() {
  const res = await ws.connect(`${env.WS_URL}/ws/ticker?symbols=AAPL&interval=100`, { tags: { name: 'ticker' } }, (socket) => {
    socket.on('open', () => socket.setTimeout(() => socket.close(), 2000));
  });
  check(res, { 'subscribed (101)': (r) => r.status === 101 });
}
