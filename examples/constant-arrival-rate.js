// constant-arrival-rate: 20 iterations per second for 3 s, started on schedule whether or not earlier
// ones have finished (an open model, like real users arriving). The pool starts with preAllocatedVUs and
// grows to maxVUs; an iteration that finds no free VU then is counted in dropped_iterations.
// http_req_duration is measured from each iteration's intended start (coordinated omission corrected);
// http_req_service_time is the plain request time. See docs/load-models.md.
// Run it with: ./salvo run --demo examples/constant-arrival-rate.js
// test-args: --tag example=constant-arrival-rate
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    arrivals: {
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnit: '1s',
      duration: '3s',
      preAllocatedVUs: 2,
      maxVUs: 20,
    },
  },
  thresholds: {
    dropped_iterations: ['count<5'],
  },
};

export default async function () {
  const res = await http.get(`${env.BASE_URL}/delay?ms=50`, { tags: { name: 'slow endpoint' } });
  check(res, { 'status 200': (r) => r.status === 200 });
}
