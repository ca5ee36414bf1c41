// A reconnect storm: each client subscribes, the server drops the connection after 5 ticks (no close
// frame: code 1006), and the client reconnects after a short back-off, in a loop.
// test-args: -u 5 -t 3s
import ws from 'salvo/ws';
import { check, env, sleep } from 'salvo';
import { Counter } from 'salvo/metrics';

const reconnects = new Counter('reconnects');

export const options = {
  vus: 20,
  duration: '30s',
  thresholds: { reconnects: ['count>0'] },
};

export default async function (data, vu) {
  let closedWith = 0;
  const res = await ws.connect(`${env.WS_URL}/ws/ticker?interval=20&dropAfter=5`, { tags: { name: 'ticker' } }, (socket) => {
    socket.on('close', (code) => { closedWith = code; });
  });
  check(res, { 'subscribed (101)': (r) => r.status === 101 });
  check(closedWith, { 'dropped by the server (1006)': (code) => code === 1006 });
  if (vu.iteration > 0) reconnects.add(1);
  await sleep(0.05); // back-off before reconnecting
}
