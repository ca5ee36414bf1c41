// A live feed over Server-Sent Events: every user subscribes to the demo's /sse feed (20 events a
// second, a 300 ms stall every 25 events), reads events for 2 s, and checks they came in order. The
// feed ends its response every 30 events: the stream reconnects after the server's retry time,
// resuming after the Last-Event-ID, as a browser's EventSource does.
// The test suite runs it on a shared 2-core machine: it raises the first-event limit with FIRST_P95_MS.
// test-args: -u 5 -t 3s -e FIRST_P95_MS=60000
import sse from 'salvo/sse';
import { check, env } from 'salvo';

export const options = {
  vus: 20,
  duration: '30s',
  thresholds: {
    sse_time_to_first_event: [`p(95)<${env.FIRST_P95_MS || 1000}`],
    'sse_event_gap{name:feed}': ['p(50)<100'],   // 20 events/s: 50 ms apart, stalls aside
    sse_errors: ['count==0'],
  },
};

export default async function () {
  const seen = [];
  const res = await sse.open(`${env.BASE_URL}/sse?rate=20&stallEvery=25&stallMs=300&cutAfter=30&cut=end&retry=100`, {
    tags: { name: 'feed' },
    reconnect: true,
  }, (stream) => {
    stream.on('event', (e) => seen.push(JSON.parse(e.data).seq));
    stream.on('open', () => setTimeout(() => stream.close(), 2000));
  });
  check(res, {
    'a 200 event stream': (r) => r.status === 200 && r.error === '',
    'events in order, none lost': () => seen.length > 0 && seen.every((seq, i) => seq === seen[0] + i),
  });
}
