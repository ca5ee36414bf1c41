// The script every pod of examples/kubernetes runs (mounted from the ConfigMap salvo-script).
// Each pod runs one segment: 'salvo run --segment I/4' takes a quarter of the rate and VUs.
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    browse: {
      executor: 'constant-arrival-rate',
      rate: Number(env.RATE ?? 200),          // iterations per second for the whole run, all pods together
      timeUnit: '1s',
      duration: env.DURATION ?? '2m',
      preAllocatedVUs: 40,
      maxVUs: 200,
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:list items}': ['p(99)<500'],
  },
};

export default async function () {
  const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(list, { 'list is 200': (r) => r.status === 200 });
}
