// Test data: a CSV read once per run into a SharedArray that every VU reads (no copy per VU).
// Paths are relative to the script. Run it with: ./salvo run --demo examples/data-driven.js
// test-args: --tag example=data-driven
import http from 'salvo/http';
import { check, env } from 'salvo';
import { csv, SharedArray } from 'salvo/data';

const users = new SharedArray('users', () => csv('data/users.csv', { header: true, delimiter: ',' }));

export const options = {
  scenarios: { logins: { executor: 'per-vu-iterations', vus: 3, iterations: 4 } },
};

export default async function (data, vu) {
  const u = users[(vu.idInScenario - 1) % users.length];
  const res = await http.post(`${env.BASE_URL}/api/auth/token`, null,
    { json: { username: u.username, password: u.password }, tags: { name: 'login' } });
  check(res, { 'logged in': (r) => r.status === 200 && typeof r.json('access') === 'string' });
}
