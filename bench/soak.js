// bench/soak.sh: VUS VUs for DURATION, each a GET with a check, then a sleep of about SLEEP seconds
// (default 1), on keep-alive connections: a light, steady load for hunting leaks, not a fast one.
import http from 'salvo/http';
import { check, sleep, between, env } from 'salvo';

const pause = Number(env.SLEEP || 1);

export const options = {
  discardResponseBodies: true,
  scenarios: { soak: { executor: 'constant-vus', vus: Number(env.VUS || 200), duration: env.DURATION || '30m' } },
  thresholds: { http_req_failed: ['rate==0'], checks: ['rate==1'] },
};

export default async function () {
  const res = await http.get(env.BASE_URL, { tags: { name: 'soak' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
  await sleep(between(pause * 0.8, pause * 1.2));
}
