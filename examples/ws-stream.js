// A market-data stream: every user subscribes to two symbols, counts the ticks and records how late
// each tick arrives (the server stamps its send time, ms since the epoch, into every tick).
// The test suite runs it on a shared 2-core machine with the JavaScript interpreter: it raises the
// limits with LATENCY_P95_MS and CONNECT_P95_MS.
// test-args: -u 5 -t 3s -e LATENCY_P95_MS=60000 -e CONNECT_P95_MS=60000
import ws from 'salvo/ws';
import { check, env } from 'salvo';
import { Counter, Trend } from 'salvo/metrics';

const tickLatency = new Trend('tick_latency', true);
const ticks = new Counter('ticks');

export const options = {
  vus: 20,
  duration: '30s',
  thresholds: {
    tick_latency: [`p(95)<${env.LATENCY_P95_MS || 500}`],    // message latency, server send to script
    ws_connecting: [`p(95)<${env.CONNECT_P95_MS || 1000}`],  // handshake time
    ws_msgs_received: ['count>0'],
  },
};

export default async function () {
  const url = `${env.WS_URL}/ws/ticker?symbols=AAPL,MSFT&interval=50`;
  const res = await ws.connect(url, { tags: { name: 'ticker' } }, (socket) => {
    socket.on('message', (data) => {
      const tick = JSON.parse(data);
      tickLatency.add(Date.now() - tick.ts);
      ticks.add(1);
    });
    socket.on('open', () => socket.setTimeout(() => socket.close(), 1000)); // hold the subscription for 1 s
  });
  check(res, { 'subscribed (101)': (r) => r.status === 101 });
}
