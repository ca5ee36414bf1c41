// For bench/monitor-cost.sh: one light VU while every kind of monitor samples once a second
// (none with -e NO_MONITORS=1, the comparison run).
import http from 'salvo/http';
import { env, sleep } from 'salvo';
import monitor from 'salvo/monitor';

if (!env.NO_MONITORS) {
  monitor.process({ pid: Number(env.SUT_PID), every: '1s' });
  monitor.prometheus({ url: `${env.BASE_URL}/metrics`, every: '1s', metrics: ['jvm_memory_used_bytes{area="heap"}', 'demo_requests_total'] });
  monitor.http({ url: `${env.BASE_URL}/stats`, json: 'heapUsedBytes', name: 'sut_heap', every: '1s' });
}

export const options = { vus: 1, duration: env.DURATION || '70s' };

export default async function () {
  await http.get(`${env.BASE_URL}/health`);
  await sleep(1);
}
