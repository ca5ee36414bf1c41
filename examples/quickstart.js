// A first salvo scenario: 10 virtual users browse the demo target's items for 5 seconds.
// Run it with: ./salvo run --demo examples/quickstart.js
import http from 'salvo/http';
import { check, sleep, env } from 'salvo';

export const options = {
  vus: 10,
  duration: '5s',
};

export default async function () {
  const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(list, { 'list is 200': (r) => r.status === 200 });

  const id = list.json()[0].id;
  const item = await http.get(`${env.BASE_URL}/api/items/${id}`, { tags: { name: 'get item' } });
  check(item, { 'item has a name': (r) => typeof r.json('name') === 'string' });

  await sleep(0.1);
}
