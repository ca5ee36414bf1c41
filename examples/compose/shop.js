// Two kinds of users of a shop, Locust-style; the compose file picks them with SALVO_SCENARIO
// (browse, buy or both) and sets the load from SALVO_USERS, SALVO_SPAWN_RATE and SALVO_RUN_TIME.
// SALVO_HOST is the shop: env.BASE_URL.
import http from 'salvo/http';
import { check, env, user, between } from 'salvo';

export const options = {
  vus: 2,
  duration: '10s',
  thresholds: { http_req_failed: ['rate<0.01'], checks: ['rate>0.99'] },
};

async function listItems() {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=10`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
}

async function viewItem() {
  const res = await http.get(`${env.BASE_URL}/api/items/1`, { tags: { name: 'get item' } });
  check(res, { 'item is 200': (r) => r.status === 200 });
}

export const browse = user({ tasks: [[3, listItems], [1, viewItem]], wait: between(0.1, 0.5) });

export const buy = user({
  async onStart(data, vu) {
    const res = await http.post(`${env.BASE_URL}/api/auth/token`, null,
      { json: { username: `user${vu.id}`, password: 'secret' }, tags: { name: 'login' } });
    check(res, { 'logged in': (r) => r.status === 200 });
    vu.state.auth = { Authorization: `Bearer ${res.json('access')}` };
  },
  tasks: [[1, async (data, vu) => {
    const res = await http.post(`${env.BASE_URL}/api/items`, null,
      { json: { name: `from user ${vu.id}` }, headers: vu.state.auth, tags: { name: 'create item' } });
    check(res, { 'created': (r) => r.status === 201 });
  }]],
  wait: between(0.5, 1),
});

export default browse;
