// Does the system under test leak memory under load? Gate it: its resident memory may grow at most
// 20% over the run (against the average of its first 2 s), and the memory it reports may not climb.
//
//   salvo demo --port 8000 --leak-per-request 40000 &                  (a target that leaks on purpose)
//   salvo run examples/leak-check.js -e BASE_URL=http://127.0.0.1:8000 -e SUT_PID=$!   -> exit 99
//   salvo demo --port 8000 &                                           (the same target, no leak)
//   salvo run examples/leak-check.js -e BASE_URL=http://127.0.0.1:8000 -e SUT_PID=$!   -> exit 0
//
// Without SUT_PID (e.g. with --demo, where the target runs inside salvo) only the target's own
// numbers, from its JSON /stats endpoint, are gated.
// test-args: -t 3s
import http from 'salvo/http';
import { check, env } from 'salvo';
import monitor from 'salvo/monitor';

const sutPid = env.SUT_PID ? Number(env.SUT_PID) : 0;
if (sutPid) monitor.process({ pid: sutPid, every: '500ms' }); // sut_rss, sut_cpu, sut_threads, sut_fds
monitor.http({ url: `${env.BASE_URL}/stats`, json: 'leakedBytes', name: 'sut_leaked_bytes', every: '500ms' });

const thresholds = { sut_leaked_bytes: ['slope<1MB'] }; // bytes kept per minute
if (sutPid) thresholds.sut_rss = [{ threshold: 'growth<20', baseline: '2s' }];

export const options = { vus: 20, duration: '10s', thresholds };

export default async function () {
  const res = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
}
