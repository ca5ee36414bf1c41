// bench/ws-sockets.sh: every VU opens PER_VU sockets to the demo ticker (spread over RAMP seconds and
// over the comma-separated WS_URLS), holds them until HOLD seconds after the start, then closes them.
// The message handler only counts, as a script recording ticks would.
import ws from 'salvo/ws';
import { sleep, env } from 'salvo';

const perVu = Number(env.PER_VU || 100);
const vus = Number(env.VUS || 100);
const rampMs = Number(env.RAMP || 20) * 1000;
const holdMs = Number(env.HOLD || 55) * 1000;
const urls = (env.WS_URLS || '').split(',');
const interval = Number(env.INTERVAL || 1000);
// One tick per symbol per interval, written together: SYMBOLS messages per socket per interval.
const symbols = Array.from({ length: Number(env.SYMBOLS || 10) }, (_, k) => `S${k}`).join(',');

export const options = {
  isolation: 'worker',
  scenarios: {
    hold: { executor: 'per-vu-iterations', vus, iterations: 1, maxDuration: `${holdMs / 1000 + 30}s`, gracefulStop: '10s' },
  },
};

export default async function (data, vu) {
  let received = 0;
  const start = Date.now();
  const sockets = [];
  for (let i = 0; i < perVu; i++) {
    // The (vu, i)-th socket starts at its slot in the ramp, so connections arrive evenly.
    const slot = ((i * vus + vu.idInScenario - 1) * rampMs) / (perVu * vus);
    const wait = slot - (Date.now() - start);
    if (wait > 0) await sleep(wait / 1000);
    const url = `${urls[(vu.idInScenario + i) % urls.length]}/ws/ticker?symbols=${symbols}&interval=${interval}`;
    sockets.push(ws.connect(url, { tags: { name: 'ticker' } }, (socket) => {
      socket.on('message', () => { received++; });
      socket.setTimeout(() => socket.close(), holdMs - (Date.now() - start));
    }));
  }
  await Promise.all(sockets);
}
