// Pass/fail criteria: when a threshold is breached salvo exits 99, which fails a CI step.
// Run it with: ./salvo run --demo examples/thresholds.js   (check it without running: ./salvo validate ...)
//
// A threshold is 'AGGREGATION OPERATOR NUMBER', checked against all samples of a metric at the end:
//   trends (http_req_duration, your Trend):  avg, min, max, med, p(N)   e.g. 'p(95)<500'
//   rates (http_req_failed, checks, Rate):   rate                       e.g. 'rate<0.01'
//   counters (http_reqs, Counter):           count, rate (per second)   e.g. 'count>100'
//   gauges (Gauge):                          value                      e.g. 'value>0'
// Operators: < <= > >= == !=. 'metric{tag:value}' judges only the samples with that tag.
// The long form {threshold, abortOnFail, delayAbortEval, allowEmpty} stops the run as soon as it
// fails (checked every 2 s after delayAbortEval) or accepts a metric without samples.
import http from 'salvo/http';
import { check, env, sleep } from 'salvo';
import { Trend } from 'salvo/metrics';

const itemLatency = new Trend('item_latency', true); // true: values are milliseconds

export const options = {
  vus: 4,
  duration: '10s',
  thresholds: {
    http_req_duration: ['p(95)<1500', 'max<5000'],
    'http_req_duration{name:get item}': ['med<1000'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    item_latency: [{ threshold: 'p(99)<3000', abortOnFail: true, delayAbortEval: '5s' }],
    'item_latency{kind:cheap}': [{ threshold: 'avg<2000', allowEmpty: true }],
  },
};

export default async function () {
  const list = await http.get(`${env.BASE_URL}/api/items?page=1&size=5`, { tags: { name: 'list items' } });
  check(list, { 'list is 200': (r) => r.status === 200 });

  const item = await http.get(`${env.BASE_URL}/api/items/${list.json()[0].id}`, { tags: { name: 'get item' } });
  check(item, { 'item is 200': (r) => r.status === 200 });
  itemLatency.add(item.timings.duration, { kind: item.json('price') < 50 ? 'cheap' : 'dear' });

  await sleep(0.1);
}
