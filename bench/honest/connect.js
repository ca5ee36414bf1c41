// bench/honest-latency.sh: one VU, a new connection for every request (Connection: close), 20 s,
// against the fast location: salvo's http_req_connecting next to the socket's own connect time.
import http from 'salvo/http';
import { env, sleep } from 'salvo';

export const options = { vus: 1, duration: '20s' };

export default async function () {
  await http.get(env.BASE_URL, { headers: { Connection: 'close' } });
  await sleep(0.002);
}
