package dev.salvo.dsl.sse;

import dev.salvo.dsl.Salvo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * salvo/sse and salvo/llm end to end: scripts run by {@code salvo run --demo} against the demo target's
 * streams. Thresholds on {@code sse_errors{error_code:...}} prove the counting; checks prove what the
 * script saw; the wall time proves no bad input hangs.
 */
class SseRunTest {
    private static final String HEAD = """
            import sse from 'salvo/sse';
            import llm from 'salvo/llm';
            import { check, env } from 'salvo';
            """;
    @TempDir Path dir;

    private Salvo.Result run(String name, String body) throws Exception {
        return Salvo.run("run", script(dir, name, HEAD + body), "--demo", "--workers", "1", "--no-progress");
    }

    private static void passed(Salvo.Result r) {
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.checks().isEmpty(), r.toString());
        r.checks().forEach((name, c) -> assertEquals(0, c[1], "check '" + name + "' failed: " + r));
    }

    @Test
    void eventsReachTheHandlersInOrderAndReconnectionResumesAfterTheLastEventId() throws Exception {
        Salvo.Result r = run("feed.js", """
                export const options = { iterations: 1, thresholds: { sse_events: ['count==9'], sse_reconnects: ['count==2'],
                  sse_errors: ['count==0'], sse_time_to_first_event: ['max>0'] } };
                export default async function () {
                  const seen = [];
                  let opens = 0;
                  const res = await sse.open(`${env.BASE_URL}/sse?rate=200&cutAfter=3&retry=20&event=tick`,
                    { reconnect: true, maxReconnects: 2, tags: { name: 'feed' } }, (stream) => {
                      stream.on('open', (r) => { opens++; });
                      stream.on('event', (e) => seen.push(`${e.event}:${e.id}:${JSON.parse(e.data).seq}`));
                    });
                  check(res, {
                    'ended cleanly': (x) => x.status === 200 && x.error === '' && x.errorCode === 0,
                    'three connections': (x) => opens === 3 && x.reconnects === 2,
                    'nine events, none lost or repeated': () => seen.join(',') === [0,1,2,3,4,5,6,7,8].map((i) => `tick:${i}:${i}`).join(','),
                    'the last event ID': (x) => x.lastEventId === '8' && x.events === 9,
                    'headers': (x) => x.headers['content-type'].startsWith('text/event-stream'),
                  });
                }
                """);
        passed(r);
    }

    @Test
    void badInputsEachGetTheirCodeAreCountedAndNeverHang() throws Exception {
        Salvo.Result r = run("bad.js", """
                export const options = { iterations: 1, thresholds: {
                  'sse_errors{error_code:1800}': ['count==1'], 'sse_errors{error_code:1801}': ['count==1'],
                  'sse_errors{error_code:1802}': ['count==1'], 'sse_errors{error_code:1803}': ['count==1'],
                  'sse_errors{error_code:1805}': ['count==1'] } };
                export default async function () {
                  const errors = [];
                  const onError = (stream) => stream.on('error', (e) => errors.push(e.code));
                  const notSse = await sse.open(`${env.BASE_URL}/health`, {}, onError);
                  const cut = await sse.open(`${env.BASE_URL}/sse?rate=200&cutAfter=2&cut=mid`, {}, onError);
                  const big = await sse.open(`${env.BASE_URL}/sse?size=4096`, { maxEventSize: 1024 }, onError);
                  const status = await sse.open(`${env.BASE_URL}/status/500`, {}, onError);
                  const idle = await sse.open(`${env.BASE_URL}/sse?rate=100&stallEvery=1&stallMs=10000`, { idleTimeout: '300ms' }, onError);
                  check(null, {
                    'not an event stream: 1800, the body kept': () => notSse.errorCode === 1800 && notSse.body === '{"status":"ok"}'
                      && notSse.error.includes('application/json'),
                    'cut mid-event: 1801, the whole event kept': () => cut.errorCode === 1801 && cut.events === 1,
                    'over maxEventSize: 1802': () => big.errorCode === 1802 && big.events === 0,
                    'status 500: 1803': () => status.errorCode === 1803 && status.status === 500,
                    'idle: 1805': () => idle.errorCode === 1805 && idle.events === 1,
                    'the error handlers saw each': () => errors.join(',') === '1800,1801,1802,1803,1805',
                  });
                }
                """);
        passed(r);
        assertTrue(r.runSeconds() < 20, "bad input must not hang the run: " + r.runSeconds() + " s");
    }

    @Test
    void aHandlerThatThrowsFailsTheIterationAndIsCounted() throws Exception {
        Salvo.Result r = run("throws.js", """
                export const options = { iterations: 1, thresholds: { 'sse_errors{error_code:1806}': ['count==1'] } };
                export default async function () {
                  await sse.open(`${env.BASE_URL}/sse?rate=100`, {}, (stream) => {
                    stream.on('event', () => { throw new Error('boom in a handler'); });
                  });
                }
                """);
        assertTrue(r.all().contains("boom in a handler"), r.toString());
        assertTrue(r.runSeconds() < 20, r.toString());
        assertFalse(r.all().contains("threshold") && r.all().contains("✗ sse_errors"), r.toString());
    }

    @Test
    void llmChatReturnsTheTextTheTokensAndTheTimings() throws Exception {
        Salvo.Result r = run("chat.js", """
                export const options = { iterations: 2, thresholds: {
                  llm_output_tokens: ['count==10'], llm_input_tokens: ['count==6'], llm_time_to_first_token: ['min>=50'],
                  llm_time_per_output_token: ['max>0'], llm_inter_token_latency: ['max>0'], llm_tokens_per_second: ['max>0'],
                  'llm_request_duration{name:chat}': ['min>50'] } };
                export default async function () {
                  const r = await llm.chat(`${env.BASE_URL}/v1/chat/completions?ttft=50&itl=10`,
                    { model: 'demo', messages: [{ role: 'user', content: 'one two three' }], max_tokens: 5 }, { tags: { name: 'chat' } });
                  const refused = await llm.chat(`${env.BASE_URL}/v1/chat/completions`, { model: 'demo', messages: 'not a list' });
                  check(r, {
                    'the text': (x) => x.text === 'salvo streams tokens at the',
                    'tokens from usage': (x) => x.outputTokens === 5 && x.inputTokens === 3 && x.chunks === 5,
                    'finished by length': (x) => x.finishReason === 'length' && x.error === '' && x.status === 200,
                    'timings': (x) => x.timings.timeToFirstToken >= 50 && x.timings.duration >= x.timings.timeToFirstToken
                      && x.timings.timePerOutputToken > 0, // how close to 10 ms: LlmAccuracyIT
                  });
                  check(refused, {
                    'a refused request keeps the server message': (x) => x.status === 400 && x.errorCode === 1803
                      && x.body.includes('messages'),
                  });
                }
                """);
        passed(r);
    }
}
