// The CI smoke of bench/smoke-cost.sh: Locust-style users with two weighted GET tasks and a
// 1-3 s wait, as locustfile.py beside it does. Run with -u 10 -r 5 -t 30s.
import http from 'salvo/http';
import { check, env, user, between } from 'salvo';

export default user({
  tasks: [
    [3, async () => {
      const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=10`, { tags: { name: 'list items' } });
      check(res, { 'list is 200': (r) => r.status === 200 });
    }],
    [1, async () => {
      const res = await http.get(`${env.BASE_URL}/api/items/1`, { tags: { name: 'get item' } });
      check(res, { 'item is 200': (r) => r.status === 200 });
    }],
  ],
  wait: between(1, 3),
});
