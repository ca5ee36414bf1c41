// A k6 script that only runs as written on VUs that block (docs/k6.md, "Which mode"): a sort() comparator
// and a getter make requests, which the rewrite of --k6-mode rewrite cannot make wait.
// Run it with: ./salvo run --demo --k6-mode sync examples/k6-sync.js
// test-args: --k6-mode sync -i 4
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = { vus: 2, duration: '5s', thresholds: { checks: ['rate==1'] } };

const api = {
  get healthy() {
    return http.get(`${__ENV.BASE_URL}/health`).json('status') === 'ok';
  },
};

const price = (id) => http.get(`${__ENV.BASE_URL}/api/items/${id}`, { tags: { name: 'item' } }).json('price');

export default function () {
  check(api, { 'the target is healthy': (a) => a.healthy });
  // the demo's items 1, 2, 3 cost 4.69, 8.39, 12.09: the dearest first
  const ids = [1, 3, 2].sort((a, b) => price(b) - price(a) || a - b);
  check(ids, { 'sorted by price, dearest first': (list) => list.join() === '3,2,1' });
  sleep(0.2);
}
