// ramping-vus: the number of VUs follows the stages (k6's ramp up / hold / ramp down). VUs above the
// target finish their iteration within gracefulRampDown, then they are interrupted.
// Run it with: ./salvo run --demo examples/ramping-vus.js
// test-args: --tag example=ramping-vus
import http from 'salvo/http';
import { check, sleep, env } from 'salvo';

export const options = {
  scenarios: {
    ramp: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '1s', target: 10 }, // ramp up to 10 VUs
        { duration: '2s', target: 10 }, // hold
        { duration: '1s', target: 0 },  // ramp down
      ],
      gracefulRampDown: '1s',
    },
  },
};

export default async function () {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
  await sleep(0.2);
}
