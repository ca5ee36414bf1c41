// A k6 script, as k6 runs it: synchronous calls, k6's modules and globals (docs/k6.md).
// Run it with: ./salvo run --demo examples/k6-script.js   (or k6 run -e BASE_URL=... examples/k6-script.js)
import http from 'k6/http';
import { check, group, sleep } from 'k6';
import { Trend } from 'k6/metrics';

export const options = {
  vus: 2,
  duration: '5s',
  thresholds: { http_req_failed: ['rate<0.01'], 'http_req_duration{name:item}': ['p(95)<500'] },
};

const itemTime = new Trend('item_time', true);

function login(user) {
  const res = http.post(`${__ENV.BASE_URL}/api/auth/token`, JSON.stringify({ username: user, password: 'secret' }), {
    headers: { 'Content-Type': 'application/json' },
  });
  check(res, { 'logged in': (r) => r.status === 200 });
  return res.json('access');
}

export default function () {
  const token = login(`user${__VU}`);
  group('browse', function () {
    const list = http.get(`${__ENV.BASE_URL}/api/items?page=1&size=3`, { tags: { name: 'list' } });
    check(list, { 'list is JSON': (r) => r.headers['Content-Type'].startsWith('application/json') });
    list.json().forEach((item) => {
      const res = http.get(`${__ENV.BASE_URL}/api/items/${item.id}`, {
        headers: { Authorization: `Bearer ${token}` },
        tags: { name: 'item' },
      });
      itemTime.add(res.timings.duration);
      check(res, { 'item has a name': (r) => typeof r.json('name') === 'string' });
    });
  });
  sleep(0.2);
}
