// REST users and streaming users against the same backend in one run: two scenarios, one per kind.
// The test suite raises the latency limit with HTTP_P95_MS (a shared 2-core machine, JS interpreted).
// test-args: -e HTTP_P95_MS=60000
import http from 'salvo/http';
import ws from 'salvo/ws';
import { check, env, sleep } from 'salvo';

export const options = {
  scenarios: {
    rest: { executor: 'constant-vus', vus: 5, duration: '5s', exec: 'rest' },
    streams: { executor: 'constant-vus', vus: 5, duration: '5s', exec: 'stream' },
  },
  thresholds: {
    'http_req_duration{scenario:rest}': [`p(95)<${env.HTTP_P95_MS || 500}`],
    'ws_msgs_received{scenario:streams}': ['count>0'],
  },
};

export async function rest() {
  const res = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'list items' } });
  check(res, { 'items (200)': (r) => r.status === 200 });
  await sleep(0.1);
}

export async function stream() {
  const res = await ws.connect(`${env.WS_URL}/ws/ticker?symbols=AAPL&interval=100`, { tags: { name: 'ticker' } }, (socket) => {
    socket.on('open', () => socket.setTimeout(() => socket.close(), 1000));
  });
  check(res, { 'subscribed (101)': (r) => r.status === 101 });
}
