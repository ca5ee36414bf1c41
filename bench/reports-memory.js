// 20 VUs against the demo target with every report on, for bench/reports-memory.sh.
import http from 'salvo/http';
import { check, sleep, env } from 'salvo';

export const options = {
  vus: 20,
  duration: env.DURATION || '10m',
  thresholds: { http_req_duration: ['p(95)<500'], http_req_failed: ['rate<0.01'] },
};

export default async function () {
  const r = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(r, { 'list is 200': (x) => x.status === 200 });
  const item = await http.get(`${env.BASE_URL}/api/items/1`, { tags: { name: 'get item' } });
  check(item, { 'item is 200': (x) => x.status === 200 });
  await sleep(0.01);
}
