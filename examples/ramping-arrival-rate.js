// ramping-arrival-rate: the iteration rate follows the stages, from startRate (per timeUnit):
// 5/s rising to 30/s, held, then back down. An open model: see constant-arrival-rate.js.
// Run it with: ./salvo run --demo examples/ramping-arrival-rate.js
// test-args: --tag example=ramping-arrival-rate
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    rising: {
      executor: 'ramping-arrival-rate',
      startRate: 5,
      timeUnit: '1s',
      preAllocatedVUs: 5,
      maxVUs: 30,
      stages: [
        { duration: '1s', target: 30 },
        { duration: '2s', target: 30 },
        { duration: '1s', target: 5 },
      ],
    },
  },
};

export default async function () {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
}
