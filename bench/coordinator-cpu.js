// bench/coordinator-cpu.sh's shard script: RATE iterations/s over the fleet for DURATION.
import http from 'salvo/http';
import { env } from 'salvo';

export const options = {
  discardResponseBodies: true,
  scenarios: {
    load: { executor: 'constant-arrival-rate', rate: Number(env.RATE), duration: env.DURATION, preAllocatedVUs: Number(env.VUS), maxVUs: Number(env.VUS) * 4 },
  },
  thresholds: { http_req_failed: [{ threshold: 'rate<0.5', abortOnFail: true }], http_req_duration: ['p(99)<10000'] },
};

export default async function () {
  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
}
