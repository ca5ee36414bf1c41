// A batch endpoint at 10 and then 50 concurrent jobs: how long does one document take, and how many
// documents an hour does the service get through? POST /api/batch?docs=N&ms=M processes N documents
// of M ms each (the demo target's batch job) and answers when all are done.
// test-args: --no-progress
import http from 'salvo/http';
import { check, env } from 'salvo';
import { Counter, Trend } from 'salvo/metrics';

const DOCS_PER_BATCH = 20;
const documents = new Counter('documents');
const documentDuration = new Trend('document_duration', true); // per document, in ms

export const options = {
  scenarios: {
    c10: { executor: 'constant-vus', vus: 10, duration: '3s', tags: { concurrency: '10' } },
    c50: { executor: 'constant-vus', vus: 50, duration: '3s', startTime: '3s', tags: { concurrency: '50' } },
  },
  thresholds: {
    documents: ['rate(1h)>170'], // at least 170 documents an hour (k6's form: 'rate>0.047', per second)
    'document_duration{concurrency:10}': ['p(95)<100'],
    'document_duration{concurrency:50}': ['p(95)<100'],
  },
};

export default async function () {
  const res = await http.post(`${env.BASE_URL}/api/batch?docs=${DOCS_PER_BATCH}&ms=2`, null, { tags: { name: 'batch' } });
  if (!check(res, { 'batch done': (r) => r.status === 200 && r.json('docs') === DOCS_PER_BATCH })) return;
  documents.add(DOCS_PER_BATCH);
  documentDuration.add(res.timings.duration / DOCS_PER_BATCH);
}
