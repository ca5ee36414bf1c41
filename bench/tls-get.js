// GET /health on the demo target over plain HTTP/1.1, h2c, HTTPS HTTP/1.1 or HTTPS HTTP/2, to compare
// what TLS and HTTP/2 cost the generator (docs/performance.md, "TLS and HTTP/2").
// ./salvo run --demo bench/tls-get.js -e SCHEME=https -e HTTP2=auto [-e NOREUSE=1] [-e VUS=20] [-e DURATION=10s]
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  vus: Number(env.VUS || 20),
  duration: env.DURATION || '10s',
  insecureSkipTLSVerify: true,
  http2: env.HTTP2 || 'auto',
  noConnectionReuse: env.NOREUSE === '1',
};

const url = `${env.SCHEME === 'http' ? env.BASE_URL : env.HTTPS_URL}/health`;

export default async function () {
  const res = await http.get(url);
  check(res, { 'status 200': (r) => r.status === 200 });
}
