// Benchmark scenario: one GET and one check per iteration, no think time.
// Run with: ./salvo run bench/get-check.js -u 50 -t 20s -e BASE_URL=http://127.0.0.1:PORT/
import http from 'salvo/http';
import { check, env } from 'salvo';

export default async function () {
  const res = await http.get(env.BASE_URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
