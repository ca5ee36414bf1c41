// per-vu-iterations: every VU runs exactly `iterations` iterations (here 3 VUs x 5), within maxDuration.
// Run it with: ./salvo run --demo examples/per-vu-iterations.js
// test-args: --tag example=per-vu-iterations
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    each: { executor: 'per-vu-iterations', vus: 3, iterations: 5, maxDuration: '30s' },
  },
};

export default async function (data, vu) {
  const res = await http.post(`${env.BASE_URL}/api/items`, null,
    { json: { name: `item of VU ${vu.idInScenario}, iteration ${vu.iteration}` }, tags: { name: 'create item' } });
  check(res, { 'created': (r) => r.status === 201 });
}
