// The training run of the AOT cache (bin/aot-cache): a few seconds of
// what most scenarios do, so the classes they load are in the cache. Not shipped as an example.
import http from 'salvo/http';
import { check, group, sleep, env } from 'salvo';
import { Trend } from 'salvo/metrics';

const itemTime = new Trend('training_item_time');

export const options = {
  scenarios: {
    browse: { executor: 'constant-vus', vus: 20, duration: '6s' },
    create: { executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '6s', preAllocatedVUs: 5, exec: 'create' },
  },
  thresholds: {
    http_req_duration: ['p(95)<2000'],
    checks: ['rate>0.9'],
  },
};

export default async function () {
  await group('browse', async () => {
    const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
    check(list, { 'list is 200': (r) => r.status === 200 });
    const item = await http.get(`${env.BASE_URL}/api/items/${list.json()[0].id}`);
    itemTime.add(item.timings.duration);
    check(item, { 'item has a name': (r) => typeof r.json('name') === 'string' });
  });
  const res = await http.get(env.BASE_URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
  await sleep(0.001);
}

export async function create() {
  const res = await http.post(`${env.BASE_URL}/api/items`, JSON.stringify({ name: 'training', price: 1 }),
    { headers: { 'Content-Type': 'application/json' } });
  check(res, { 'item created': (r) => r.status < 500 });
}
