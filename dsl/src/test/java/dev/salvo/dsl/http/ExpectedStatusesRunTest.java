package dev.salvo.dsl.http;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http.expectedStatuses}, {@code params.expectedStatuses} and {@code http.setResponseCallback} against
 * the demo target: thresholds on {@code http_req_failed} and {@code http_reqs{expected_response:...}} per request
 * name prove what was recorded (the run exits 0 only when every threshold holds).
 */
class ExpectedStatusesRunTest {
    @TempDir Path dir;

    /** Thresholds saying that the requests named {@code name} were {@code n}, all expected or all failed. */
    private static String recorded(String name, int n, boolean expected) {
        return "'http_req_failed{name:" + name + "}': ['rate==" + (expected ? 0 : 1) + "'], "
                + "'http_reqs{name:" + name + ",expected_response:" + expected + "}': ['count==" + n + "'],\n";
    }

    private static void assertRuns(String file, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "run";
        args[1] = "--demo";
        args[2] = file;
        System.arraycopy(more, 0, args, 3, more.length);
        Salvo.Result r = Salvo.run(args);
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void aListed404IsNotFailedAndAnUnlisted404IsEvenOnTheSameUrl() throws Exception {
        assertRuns(script(dir, "notfound.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { iterations: 1, thresholds: {
                """ + recorded("listed", 1, true) + recorded("plain", 1, false) + recorded("batched", 1, true) + """
                  'http_req_failed{name:same}': ['rate==0.5'], 'http_reqs{name:same,expected_response:true}': ['count==1'],
                } };
                export default async function () {
                  const missing = `${env.BASE_URL}/api/items/999999`;
                  await http.get(missing, { expectedStatuses: http.expectedStatuses(200, 404), tags: { name: 'listed' } });
                  await http.get(missing, { tags: { name: 'plain' } });
                  await http.batch([['GET', missing, null, { expectedStatuses: [404], tags: { name: 'batched' } }]]);
                  // The same URL, status and tags, once expected and once not: two series, not one.
                  await http.get(missing, { expectedStatuses: http.expectedStatuses(404), tags: { name: 'same' } });
                  await http.get(missing, { tags: { name: 'same' } });
                }
                """));
    }

    @Test
    void aRangeIncludesItsBoundsAndFailsAStatusOutsideIt() throws Exception {
        assertRuns(script(dir, "range.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                const ok2xx = http.expectedStatuses({ min: 200, max: 299 });
                export const options = { iterations: 1, thresholds: {
                """ + recorded("redirect", 1, false) + recorded("bounds", 2, true) + recorded("array", 1, true) + """
                } };
                export default async function () {
                  const s = (code) => `${env.BASE_URL}/status/${code}`;
                  await http.get(s(302), { expectedStatuses: ok2xx, redirects: 0, tags: { name: 'redirect' } });
                  await http.get(s(200), { expectedStatuses: ok2xx, tags: { name: 'bounds' } });
                  await http.request('GET', s(299), null, { expectedStatuses: ok2xx, tags: { name: 'bounds' } });
                  await http.get(s(302), { expectedStatuses: [200, { min: 300, max: 302 }], redirects: 0, tags: { name: 'array' } });
                }
                """));
    }

    @Test
    void setResponseCallbackSetsTheDefaultAndTheRequestsOwnSetWins() throws Exception {
        assertRuns(script(dir, "callback.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                http.setResponseCallback(http.expectedStatuses(404));
                export const options = { iterations: 1, thresholds: {
                """ + recorded("default404", 1, true) + recorded("default200", 1, false) + recorded("own", 1, true)
                + recorded("none500", 1, true) + recorded("refused", 1, true) + """
                } };
                export default async function () {
                  await http.get(`${env.BASE_URL}/api/items/999999`, { tags: { name: 'default404' } });
                  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'default200' } });
                  await http.get(`${env.BASE_URL}/health`, { expectedStatuses: http.expectedStatuses(200), tags: { name: 'own' } });
                  http.setResponseCallback(null);
                  await http.get(`${env.BASE_URL}/status/500`, { tags: { name: 'none500' } });
                  await http.get('http://127.0.0.1:1/', { tags: { name: 'refused' } });
                }
                """));
    }

    @Test
    void setResponseCallbackInVuCodeChangesThatVuOnlyWhenVusShareAContext() throws Exception {
        assertRuns(script(dir, "pervu.js", """
                import http from 'salvo/http';
                import { env, sleep } from 'salvo';
                let first = true;
                export const options = { isolation: 'worker', scenarios: { s: { executor: 'per-vu-iterations', vus: 2, iterations: 1 } },
                  thresholds: {
                """ + recorded("changed", 1, true) + recorded("unchanged", 1, false) + """
                } };
                export default async function () {
                  if (first) {
                    first = false;
                    http.setResponseCallback(null);
                    await http.get(`${env.BASE_URL}/status/500`, { tags: { name: 'changed' } });
                  } else {
                    await sleep(0.3);
                    await http.get(`${env.BASE_URL}/status/500`, { tags: { name: 'unchanged' } });
                  }
                }
                """), "--workers", "1");
    }

    /** Runs {@code code} as the default function of a one-iteration script {@code name}; its output has each of {@code wanted}. */
    private void assertOutput(String name, String code, String... wanted) throws Exception {
        String file = script(dir, name, "import http from 'salvo/http';\nexport const options = { iterations: 1 };\n"
                + "export default async function () {\n" + code + "}\n");
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        for (String w : wanted) assertTrue(r.all().contains(w), w + " in\n" + r);
    }

    @Test
    void aBadArgumentIsATypeErrorAtTheScriptsLine() throws Exception {
        assertOutput("bad.js", "  http.expectedStatuses(200, 'x');\n",
                "TypeError: http.expectedStatuses(): argument 2 must be a status code or { min, max }, not \"x\"", "bad.js:4:");
    }

    @Test
    void aBadRangeCallbackOrParamIsATypeErrorNamingIt() throws Exception {
        assertOutput("badrange.js", """
                  try { http.expectedStatuses(200, { min: 500, max: 400 }); } catch (e) { console.log(String(e)); }
                  try { http.setResponseCallback((r) => true); } catch (e) { console.log(String(e)); }
                  await http.get('http://127.0.0.1:1/', { expectedStatuses: 'all' });
                """,
                "TypeError: http.expectedStatuses(): argument 2: min 500 is greater than max 400",
                "TypeError: http.setResponseCallback(callback): callback must be http.expectedStatuses(...) or null",
                "TypeError: params.expectedStatuses must be http.expectedStatuses(...) or an array", "badrange.js:6:");
    }
}
