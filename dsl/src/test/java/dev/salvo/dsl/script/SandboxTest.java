package dev.salvo.dsl.script;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's sandbox cases: a script reads only files really inside its folder, cannot reach the host
 * API salvo's modules use, and sees salvo's errors (Error, TypeError, salvo's message), never Java exceptions.
 */
class SandboxTest {
    private static final Pattern JAVA_TYPE = Pattern.compile("(?:java|javax|dev\\.salvo|org\\.graalvm)\\.[\\w.$]*|\\w+Exception\\b");
    @TempDir Path dir;

    private void linkToPasswd() throws Exception {
        Files.createSymbolicLink(dir.resolve("users.csv"), Path.of("/etc/passwd"));
        Files.createDirectories(dir.resolve("data"));
        Files.createSymbolicLink(dir.resolve("data/outside"), Path.of("/etc"));
    }

    @Test
    void dataFilesBehindALinkToOutsideTheFolderAreRefusedWithAScriptError() throws Exception {
        linkToPasswd();
        for (String call : new String[] {"open('users.csv')", "open('users.csv', 'b')", "json('users.csv')",
                "csv('users.csv', { header: false, delimiter: ':' })", "open('data/outside/passwd')"}) {
            String file = script(dir, "read.js", "import { open, json, csv } from 'salvo/data';\nconst d = " + call
                    + ";\nexport default function () {}\n");
            Salvo.Result r = Salvo.run("run", file, "-i", "1", "--quiet");
            assertEquals(3, r.exit(), call + ": " + r);
            assertTrue(r.err().contains("outside the script's folder"), call + ": " + r.err());
            assertFalse(r.all().contains("root:x:0:0"), call + ": nothing of the file is shown");
            assertNoJavaTypes(r.all(), call);
        }
    }

    @Test
    void aLinkInsideTheFolderToAFileInsideItIsRead() throws Exception {
        Files.writeString(dir.resolve("real.json"), "{\"n\": 7}");
        Files.createSymbolicLink(dir.resolve("alias.json"), dir.resolve("real.json"));
        String file = script(dir, "alias.js", """
                import { json } from 'salvo/data';
                import { check } from 'salvo';
                const d = json('alias.json');
                export default function () { check(d, { 'read through the link': (v) => v.n === 7 }); }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.passes("read through the link"), r.toString());
    }

    @Test
    void importOfALinkToOutsideTheFolderIsRefusedToo() throws Exception {
        Files.writeString(dir.resolveSibling(dir.getFileName() + "-outside.js"), "export const secret = 1;\n");
        Files.createSymbolicLink(dir.resolve("lib.js"), dir.resolveSibling(dir.getFileName() + "-outside.js"));
        String file = script(dir, "imp.js", "import { secret } from './lib.js';\nexport default function () {}\n");
        Salvo.Result r = Salvo.run("run", file, "-i", "1", "--quiet");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("outside the script's folder"), r.err());
        Files.delete(dir.resolveSibling(dir.getFileName() + "-outside.js"));
    }

    @Test
    void theHostBridgeIsNotReachableFromAScript() throws Exception {
        String file = script(dir, "bridge.js", """
                import { check } from 'salvo';
                import http from 'salvo/http';
                const seen = [];
                const tryIt = (name, fn) => { try { seen.push(name + ': ' + String(fn())); } catch (e) { seen.push(name + ' threw ' + e.name); } };
                tryIt('__salvo', () => typeof globalThis.__salvo);
                tryIt('__salvoData', () => typeof globalThis.__salvoData);
                tryIt('guess', () => __salvoHost('0000'));
                tryIt('replace', () => { 'use strict'; globalThis.__salvoHost = (t) => t; return 'replaced'; });
                tryIt('redefine', () => Object.defineProperty(globalThis, '__salvoHost', { value: (t) => t }));
                tryIt('delete', () => delete globalThis.__salvoHost);
                tryIt('source', () => String(__salvoHost).includes('@SALVO') || /[0-9a-f]{48}/.test(String(__salvoHost)));
                tryIt('keys', () => Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith('__salvo')).join());
                export default async function () {
                  const res = await http.get('http://127.0.0.1:1/');
                  tryIt('response', () => Object.keys(res).join());
                  for (const s of seen) console.log('SEEN ' + s);
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "1", "--quiet");
        assertTrue(r.all().contains("SEEN __salvo: undefined"), r.toString());
        assertTrue(r.all().contains("SEEN __salvoData: undefined"), r.toString());
        assertTrue(r.all().contains("SEEN guess threw TypeError"), r.toString());
        assertTrue(r.all().contains("SEEN replace threw TypeError"), r.toString());
        assertTrue(r.all().contains("SEEN redefine threw TypeError"), r.toString());
        assertTrue(r.all().contains("SEEN delete: false") || r.all().contains("SEEN delete threw TypeError"), r.toString());
        assertTrue(r.all().contains("SEEN source: false"), "the token is not in the bridge's source: " + r);
        assertTrue(r.all().contains("SEEN keys: __salvoHost\n"), r.toString());
    }

    /**
     * Calls every function of salvo's modules that crosses to Java with values a fuzzer would try, at init and in
     * VU code; whatever is thrown, the script sees an Error or TypeError with salvo's message.
     */
    @Test
    void fuzzingTheModulesShowsOnlySalvosErrors() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "a,b\n1,2\n");
        String file = script(dir, "fuzz.js", """
                import { check, group, sleep, fail, env } from 'salvo';
                import http from 'salvo/http';
                import ws from 'salvo/ws';
                import { Counter, Trend, Rate, Gauge } from 'salvo/metrics';
                import { open, csv, json, SharedArray } from 'salvo/data';
                import monitor from 'salvo/monitor';
                const odd = [undefined, null, 0, -1, NaN, '', 'x'.repeat(5000), '\\u0000', {}, [], [[]], () => 1,
                  Symbol('s'), 10n, new ArrayBuffer(2), { toString() { throw new Error('toString boom'); } }];
                const seen = [];
                const probe = (name, fn) => {
                  for (const v of odd) {
                    try {
                      const r = fn(v);
                      if (r && typeof r.then === 'function') r.then(undefined, (e) => seen.push(name + ' ' + String(e)));
                    } catch (e) {
                      seen.push(name + ' ' + (e instanceof Error ? e.name + ': ' + e.message : 'Uncaught ' + String(e)));
                    }
                  }
                };
                const calls = {
                  open: (v) => open(v), openB: (v) => open(v, 'b'), openMode: (v) => open('rows.csv', v),
                  csv: (v) => csv(v), csvDelim: (v) => csv('rows.csv', { delimiter: v }), json: (v) => json(v),
                  shared: (v) => new SharedArray(v, () => [1]), sharedFn: (v) => new SharedArray('s' + typeof v, v),
                  counter: (v) => new Counter(v), counterAdd: (v) => new Counter('fz_c').add(v, v),
                  trendAdd: (v) => new Trend('fz_t').add(1, v), rateAdd: (v) => new Rate('fz_r').add(v),
                  gaugeAdd: (v) => new Gauge('fz_g').add(v), monitorHttp: (v) => monitor.http(v),
                  monitorProcess: (v) => monitor.process({ pid: v }), check: (v) => check(v, v, v),
                  group: (v) => group(v, v), sleep: (v) => sleep(v),
                  get: (v) => http.get(v), getParams: (v) => http.get('http://127.0.0.1:1/', v),
                  post: (v) => http.post('http://127.0.0.1:1/', v, { timeout: v }), request: (v) => http.request(v, v, v, v),
                  batch: (v) => http.batch(v), batchEntry: (v) => http.batch([v]), file: (v) => http.file(v, v, v),
                  expected: (v) => http.expectedStatuses(v), callback: (v) => http.setResponseCallback(v),
                  jar: (v) => http.cookieJar().set(v, v, v, v), jarGet: (v) => http.cookieJar().cookiesForURL(v),
                  ws: (v) => ws.connect(v, v, v), wsParams: (v) => ws.connect('ws://127.0.0.1:1/', { timeout: v, headers: v }),
                };
                for (const [name, fn] of Object.entries(calls)) probe('init ' + name, fn);
                export const options = { iterations: 1 };
                export default async function () {
                  for (const [name, fn] of Object.entries(calls)) probe('vu ' + name, fn);
                  await sleep(0.3);
                  for (const s of seen) console.log('SEEN ' + s);
                  console.log('SEEN count ' + seen.length);
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--quiet");
        Matcher count = Pattern.compile("SEEN count (\\d+)").matcher(r.all());
        assertTrue(count.find(), r.toString());
        assertTrue(Integer.parseInt(count.group(1)) > 100, "the fuzzer made errors to look at: " + count.group(1));
        assertNoJavaTypes(r.all().replace("salvo/", "").replace(file, "fuzz.js"), "fuzzing");
    }

    private static void assertNoJavaTypes(String output, String what) {
        Matcher m = JAVA_TYPE.matcher(output);
        assertFalse(m.find(), what + ": a Java type shown to the script: '" + (m.hitEnd() ? "" : m.group()) + "' in\n" + output);
    }
}
