// bench/idle-vus.js as a k6 script (the k6 layer, docs/k6.md), for bench/vus-memory.sh with
// SCRIPT=bench/idle-vus-k6.js: every VU loops GET /health + sleep(SLEEP seconds).
import http from 'k6/http';
import { sleep } from 'k6';

export const options = { isolation: __ENV.ISOLATION || 'worker', discardResponseBodies: true };

const params = __ENV.CLOSE === '1' ? { headers: { Connection: 'close' }, tags: { name: 'health' } } : { tags: { name: 'health' } };

export default function () {
  http.get(`${__ENV.BASE_URL}/health`, params);
  sleep(Number(__ENV.SLEEP || 1));
}
