// Market open: 500 clients connect within one second (an open-model arrival rate), each sends one
// message, awaits the echo and leaves. The threshold is on the handshake time. The VUs share one
// JavaScript context per worker (isolation: 'worker'): 500 of them start at once, cheaply.
// test-args: --tag example=ws-burst
import ws from 'salvo/ws';
import { check, env } from 'salvo';

export const options = {
  isolation: 'worker',
  scenarios: {
    open: {
      executor: 'constant-arrival-rate',
      rate: 500,
      timeUnit: '1s',
      duration: '1s',
      preAllocatedVUs: 500,
    },
  },
  thresholds: {
    ws_connecting: ['p(95)<2000'], // generous: the test suite runs on a shared 2-core machine
    checks: ['rate==1'],
  },
};

export default async function () {
  let echoed = false;
  const res = await ws.connect(`${env.WS_URL}/ws/echo`, { tags: { name: 'market open' } }, (socket) => {
    socket.on('open', async () => {
      socket.send('hello');
      echoed = (await socket.next(5000)) === 'hello';
      socket.close();
    });
  });
  check(res, { 'connected (101)': (r) => r.status === 101, 'echoed': () => echoed });
}
