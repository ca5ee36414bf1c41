// bench/sse-streams.sh: every VU opens PER_VU streams to the demo's /sse feed (spread over RAMP seconds),
// holds them until HOLD seconds after the start, then closes them. The event handler only counts, as a
// script recording a feed would.
import sse from 'salvo/sse';
import { sleep, env } from 'salvo';

const perVu = Number(env.PER_VU || 100);
const vus = Number(env.VUS || 50);
const rampMs = Number(env.RAMP || 20) * 1000;
const holdMs = Number(env.HOLD || 80) * 1000;
const feed = `${env.BASE_URL}/sse?rate=${env.RATE || 1}&size=${env.SIZE || 64}`;

export const options = {
  isolation: 'worker',
  scenarios: {
    hold: { executor: 'per-vu-iterations', vus, iterations: 1, maxDuration: `${holdMs / 1000 + 30}s`, gracefulStop: '10s' },
  },
};

export default async function (data, vu) {
  let received = 0;
  const start = Date.now();
  const streams = [];
  for (let i = 0; i < perVu; i++) {
    // The (vu, i)-th stream starts at its slot in the ramp, so connections arrive evenly.
    const slot = ((i * vus + vu.idInScenario - 1) * rampMs) / (perVu * vus);
    const wait = slot - (Date.now() - start);
    if (wait > 0) await sleep(wait / 1000);
    streams.push(sse.open(feed, { tags: { name: 'feed' } }, (stream) => {
      stream.on('event', () => { received++; });
      setTimeout(() => stream.close(), holdMs - (Date.now() - start));
    }));
  }
  await Promise.all(streams);
}
