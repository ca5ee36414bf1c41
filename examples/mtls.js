// HTTPS and HTTP/2 with a client certificate (mutual TLS), as k6's tlsAuth.
// The certificate and key are PEM files relative to this script: an example pair made for
// salvo's examples, not a secret. The demo target's own certificate is self-signed, hence
// insecureSkipTLSVerify. Run it with: ./salvo run --demo examples/mtls.js
// test-args: -i 3
import http from 'salvo/http';
import { check, env } from 'salvo';

export const options = {
  insecureSkipTLSVerify: true,
  tlsVersion: { min: http.TLS_1_2 },
  tlsAuth: [{ domains: ['127.0.0.1', 'localhost'], cert: 'data/client-cert.pem', key: 'data/client-key.pem' }],
  thresholds: {
    'http_req_tls_handshaking{tls_version:tls1.3}': ['p(95)<5000'],
    'http_req_duration{proto:HTTP/2.0}': ['p(95)<5000'],
  },
};

export default async function () {
  const res = await http.get(`${env.HTTPS_URL}/api/items/1`, { tags: { name: 'item over h2' } });
  check(res, {
    'status 200': (r) => r.status === 200,
    'HTTP/2 by ALPN': (r) => r.proto === 'HTTP/2.0',
    'TLS 1.3': (r) => r.tls_version === 'tls1.3',
  });
}
