// A fleet's script: run by 'salvo coordinate' (for its SHA-256 and thresholds) and by every shard.
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    browse: { executor: 'constant-arrival-rate', rate: Number(env.RATE || 60), duration: env.DURATION || '10s', preAllocatedVUs: 12 },
  },
  thresholds: {
    http_req_failed: [{ threshold: 'rate<0.05', abortOnFail: true }],
    'http_req_duration{name:items}': ['p(99)<2000'],
  },
};

export default async function () {
  const r = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'items' } });
  check(r, { 'status 200': (x) => x.status === 200 });
}
