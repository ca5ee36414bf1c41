// bench/get-check.js as a k6 script (the k6 layer, docs/k6.md): one GET and one check per iteration.
// Run with: ./salvo run bench/get-check-k6.js -u 50 -t 20s -e BASE_URL=http://127.0.0.1:PORT/
import http from 'k6/http';
import { check } from 'k6';

export default function () {
  const res = http.get(__ENV.BASE_URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
