// The script of bench/coordinator-cpu.sh SYNTHETIC=1: the shop traffic its synthetic shards
// (bench/SyntheticShards.java) stand for, four named requests per iteration. The coordinator reads
// only its SHA-256; the shards take the plan and thresholds from its options, as real shards do. It
// also runs for real: salvo run bench/coordinator-synthetic.js -e BASE_URL=http://127.0.0.1:PORT
// -e RATE=200 (a demo target's; RATE is the fleet's requests per second, DURATION defaults to 60s).
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  scenarios: {
    load: {
      executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(Number(env.RATE || 60000) / 4)),
      duration: env.DURATION || '60s', preAllocatedVUs: 600, maxVUs: 2400,
    },
  },
  thresholds: {
    http_req_failed: [{ threshold: 'rate<0.05', abortOnFail: true }],
    'http_req_duration{name:list items}': [{ threshold: 'p(99)<10000', abortOnFail: true, delayAbortEval: '5s' }],
    http_req_duration: ['p(95)<500', 'p(99.9)<10000'],
    checks: ['rate>0.9'],
  },
};

export default async function (data, vu) {
  const base = env.BASE_URL;
  const none = (name, more) => ({ tags: { name }, responseType: 'none', ...more });
  const token = await http.post(`${base}/api/auth/token`, null,
    { json: { username: `user${vu.id}`, password: 'secret' }, tags: { name: 'token' } });
  check(token, { 'status 200': (r) => r.status === 200 });
  const list = await http.get(`${base}/api/items`, none('list items'));
  check(list, { 'status 200': (r) => r.status === 200 });
  const item = await http.get(`${base}/api/items/${1 + Math.floor(Math.random() * 20)}`, none('item'));
  check(item, { 'status 200': (r) => r.status === 200 });
  const auth = token.status === 200 ? { Authorization: `Bearer ${token.json('access')}` } : {};
  const me = await http.get(`${base}/api/me`, none('me', { headers: auth }));
  check(me, { 'status 200': (r) => r.status === 200 });
}
