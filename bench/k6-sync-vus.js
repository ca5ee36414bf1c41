// A k6-style script for bench/k6-sync-vus.sh: every VU loops GET /health, a check, sleep(SLEEP seconds).
// The same script runs in both k6 modes (docs/k6.md): --k6-mode rewrite and --k6-mode sync.
import http from 'k6/http';
import { check, sleep } from 'k6';

export default function () {
  const res = http.get(`${__ENV.BASE_URL}/health`, { tags: { name: 'health' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(Number(__ENV.SLEEP || 1));
}
