// A Locust-style user: log in once (onStart), then pick weighted tasks with a random wait between them.
// Works with Locust's command line too: ./salvo run --demo examples/locust-style.js -u 20 -r 5 -t 15s
// test-args: -u 4 -r 4 -t 2s
import http from 'salvo/http';
import { check, env, user, between } from 'salvo';

export const options = {
  vus: 5,
  duration: '10s',
  thresholds: { http_req_failed: ['rate<0.01'] },
};

async function listItems(data, vu) {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=10`, { tags: { name: 'list items' } });
  check(res, { 'list is 200': (r) => r.status === 200 });
  vu.state.ids = res.json().map((item) => item.id);
}

async function getItem(data, vu) {
  const ids = vu.state.ids || [1];
  const id = ids[Math.floor(Math.random() * ids.length)];
  const res = await http.get(`${env.BASE_URL}/api/items/${id}`, { tags: { name: 'get item' } });
  check(res, { 'item is 200': (r) => r.status === 200 });
}

async function createItem(data, vu) {
  const res = await http.post(`${env.BASE_URL}/api/items`, null,
    { json: { name: `from user ${vu.id}` }, headers: vu.state.auth, tags: { name: 'create item' } });
  check(res, { 'created': (r) => r.status === 201 });
}

async function whoAmI(data, vu) {
  const res = await http.get(`${env.BASE_URL}/api/me`, { headers: vu.state.auth, tags: { name: 'me' } });
  check(res, { 'me is the user': (r) => r.json('username') === `user${vu.id}` });
}

export default user({
  async onStart(data, vu) {
    const res = await http.post(`${env.BASE_URL}/api/auth/token`, null,
      { json: { username: `user${vu.id}`, password: 'secret' }, tags: { name: 'login' } });
    check(res, { 'logged in': (r) => r.status === 200 });
    vu.state.auth = { Authorization: `Bearer ${res.json('access')}` };
  },
  tasks: [
    [5, listItems],
    [3, getItem],
    [1, createItem],
    [1, whoAmI],
  ],
  wait: between(0.05, 0.2),
});
