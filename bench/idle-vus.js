// bench/vus-memory.sh: every VU loops GET /health + sleep(SLEEP seconds, default 1), so nearly all of
// them are idle-waiting.
// ISOLATION=worker (one JS context per worker) or vu (one per VU); CLOSE=1 closes each connection
// after its request, so that a sleeping VU holds no socket (see vus-memory.sh for why).
import http from 'salvo/http';
import { sleep, env } from 'salvo';

export const options = { isolation: env.ISOLATION || 'worker', discardResponseBodies: true };

const params = env.CLOSE === '1' ? { headers: { Connection: 'close' }, tags: { name: 'health' } } : { tags: { name: 'health' } };

export default async function () {
  await http.get(`${env.BASE_URL}/health`, params);
  await sleep(Number(env.SLEEP || 1));
}
