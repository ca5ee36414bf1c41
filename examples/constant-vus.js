// constant-vus: a fixed number of VUs loop over the default function for a duration (a closed model:
// the next iteration starts when the previous one ends, so a slower target gets fewer requests).
// Run it with: ./salvo run --demo examples/constant-vus.js
// test-args: --tag example=constant-vus
import http from 'salvo/http';
import { check, sleep, env } from 'salvo';

export const options = {
  scenarios: {
    browse: { executor: 'constant-vus', vus: 5, duration: '3s', gracefulStop: '5s' },
  },
};

export default async function () {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
  await sleep(0.2);
}
