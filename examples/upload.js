// Files, cookies and a batch, as a browser session does them: log in (a session cookie), upload a
// picture with a form field (multipart), then fetch a page's resources in parallel.
// Run it with: ./salvo run --demo examples/upload.js
// test-args: -i 4 -u 2
import http from 'salvo/http';
import { check, env } from 'salvo';
import { open } from 'salvo/data';

const logo = open('data/logo.png', 'b'); // an ArrayBuffer; files are read in the init context only
const users = open('data/users.csv');    // text

export const options = { vus: 2, iterations: 4, batchPerHost: 4 };

export default async function (data, vu) {
  await http.post(`${env.BASE_URL}/session?user=vu${vu.id}`, null, { tags: { name: 'login' } });

  const up = await http.post(`${env.BASE_URL}/upload`, {
    caption: `from vu ${vu.id}`,
    picture: http.file(logo, 'logo.png', 'image/png'),
    list: http.file(users, 'users.csv', 'text/csv'),
  }, { tags: { name: 'upload' } });
  check(up, {
    'the picture arrived whole': (r) => r.json('parts.1.size') === logo.byteLength,
    'the csv arrived': (r) => r.json('parts.2.filename') === 'users.csv',
  });

  const [me, items, health] = await http.batch([
    ['GET', `${env.BASE_URL}/session`, null, { tags: { name: 'me' } }],
    ['GET', `${env.BASE_URL}/api/items?size=5`, null, { tags: { name: 'items' } }],
    ['GET', `${env.BASE_URL}/health`, null, { tags: { name: 'health' } }],
  ]);
  check(me, { 'still logged in (cookie)': (r) => r.json('username') === `vu${vu.id}` });
  check(items, { 'items listed': (r) => r.status === 200 });
  check(health, { 'healthy': (r) => r.status === 200 });
}
