// shared-iterations: 30 iterations in total, taken by whichever of the 4 VUs is free (a fast VU does more).
// Run it with: ./salvo run --demo examples/shared-iterations.js
// test-args: --tag example=shared-iterations
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    batch: { executor: 'shared-iterations', vus: 4, iterations: 30, maxDuration: '30s' },
  },
};

export default async function () {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=10`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
}
