// bench/honest-latency.sh: 1000 iterations a second for 20 s, one GET each, against a fast server.
import http from 'salvo/http';
import { env } from 'salvo';

export const options = {
  scenarios: {
    open: { executor: 'constant-arrival-rate', rate: 1000, timeUnit: '1s', duration: '20s', preAllocatedVUs: 200, maxVUs: 400 },
  },
};

export default async function () {
  await http.get(env.BASE_URL);
}
