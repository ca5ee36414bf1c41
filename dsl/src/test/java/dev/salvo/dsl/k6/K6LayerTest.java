package dev.salvo.dsl.k6;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k6's semantics in the k6 layer, end to end against the loopback stand-in. */
class K6LayerTest {
    static K6StandIn standIn;
    @TempDir Path dir;

    @BeforeAll
    static void start() throws Exception {
        standIn = new K6StandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private Salvo.Result passes(String text, int checks, String... more) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", script(dir, "k6.js", text), "--workers", "1", "--no-progress",
                "-e", "TARGET=http://" + standIn.authority()));
        args.addAll(java.util.List.of(more));
        Salvo.Result r = Salvo.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(checks, r.checks().size(), r.toString());
        r.checks().forEach((check, counts) -> assertEquals(0, counts[1], "check '" + check + "' failed: " + r));
        assertFalse(r.all().contains("iteration error"), r.toString());
        return r;
    }

    @Test
    void globalsExecutionAndOpenAreK6s() throws Exception {
        Files.writeString(dir.resolve("users.txt"), "ann\nbob\n");
        passes("""
                import { check } from 'k6';
                import exec from 'k6/execution';
                const users = open('./users.txt').trim().split('\\n');
                export const options = { scenarios: { s: { executor: 'per-vu-iterations', vus: 2, iterations: 2 } } };
                export default function () {
                  check(__VU, { '__VU is the VU, from 1': (v) => v === exec.vu.idInTest && v >= 1 && v <= 2 });
                  check(__ITER, { '__ITER counts the VU\\'s iterations from 0': (i) => i === exec.vu.iterationInScenario && i <= 1 });
                  check(exec.scenario.name, { 'the scenario has its name': (n) => n === 's' });
                  check(__ENV.TARGET, { '__ENV holds -e values': (t) => t.startsWith('http://127.0.0.1:') });
                  check(users, { 'open() reads beside the script': (u) => u.length === 2 && u[1] === 'bob' });
                }
                """, 5);
    }

    @Test
    void responsesAndBodiesFollowK6() throws Exception {
        passes("""
                import http from 'k6/http';
                import { check, group } from 'k6';
                export default function () {
                  const res = http.post(`${__ENV.TARGET}/post`, { tag: ['a', 'b'], one: 1 }, { headers: { 'x-test': 'v' } });
                  check(res, {
                    'an object body is a form, arrays as repeated keys': (r) => JSON.stringify(r.json().form) === '{"tag":["a","b"],"one":"1"}',
                    'header names in Go\\'s casing': (r) => r.headers['Content-Type'] === 'application/json',
                    'timings have k6\\'s names': (r) => r.timings.tls_handshaking === 0 && r.timings.duration > 0,
                    'res.request is what was sent': (r) => r.request.method === 'POST' && r.request.headers['X-Test'][0] === 'v',
                    'res.json() takes a path': (r) => r.json('form.one') === '1',
                  });
                  const inGroup = group('g', () => http.get(`${__ENV.TARGET}/get?x=1`).json().args.x);
                  check(inGroup, { 'group returns its function\\'s value': (x) => x === '1' });
                  const set = http.get(`${__ENV.TARGET}/cookies/set?k=v`, { redirects: 0 });
                  check(set, { 'res.cookies parses Set-Cookie': (r) => r.cookies.k[0].value === 'v' && r.cookies.k[0].path === '/' });
                }
                """, 7);
    }

    @Test
    void setupTeardownAndScenarioFunctionsBlockToo() throws Exception {
        passes("""
                import http from 'k6/http';
                import { check } from 'k6';
                export const options = { scenarios: { api: { executor: 'per-vu-iterations', vus: 1, iterations: 2, exec: 'api' } } };
                export function setup() {
                  return { body: http.get(`${__ENV.TARGET}/pi.php`).body };
                }
                export function api(data) {
                  check(data, { 'setup() returned what its request read': (d) => d.body === '3.14' });
                  check(http.get(`${__ENV.TARGET}/get`), { 'the scenario function requested': (r) => r.status === 200 });
                }
                export function teardown(data) {
                  http.get(`${__ENV.TARGET}/get?teardown=1`);
                }
                """, 2);
    }

    @Test
    void aScriptWithoutSemicolonsRunsAsWritten() throws Exception {
        Salvo.Result r = passes("""
                import http from 'k6/http'
                import { check } from 'k6'
                const pi = () => http.get(`${__ENV.TARGET}/pi.php`).body
                export default function () {
                  let n = 0
                  http.get(`${__ENV.TARGET}/get`)
                  n++
                  if (n === 1)
                    http.get(`${__ENV.TARGET}/get?branch=if`)
                  else
                    http.get(`${__ENV.TARGET}/get?branch=else`)
                  check(pi(), { 'the arrow ended at its line': (b) => b === '3.14' })
                }
                """, 1);
        assertTrue(r.all().contains("/get?branch=if"), r.toString());
        assertFalse(r.all().contains("/get?branch=else"), r.toString());
    }

    @Test
    void helpersInLocalModulesAreAwaitedToo() throws Exception {
        Files.writeString(dir.resolve("lib.js"), """
                import http from 'k6/http';
                export function status(url) { return http.get(url).status; }
                export const body = (url) => http.get(url).body;
                """);
        Salvo.Result r = passes("""
                import { check } from 'k6';
                import { status, body as text } from './lib.js';
                import * as lib from './lib.js';
                function both() { return status(`${__ENV.TARGET}/`) + ' ' + lib.body(`${__ENV.TARGET}/pi.php`); }
                export default function () {
                  check(both(), { 'a local module\\'s blocking helpers return values': (v) => v === '200 3.14' });
                  check(text(`${__ENV.TARGET}/pi.php`), { 'an alias is awaited': (v) => v === '3.14' });
                }
                """, 2);
        assertTrue(r.all().contains("http_reqs............  3"), r.toString());
    }

    @Test
    void requestsInArrayCallbacksRunInOrderAndAreWaitedFor() throws Exception {
        Salvo.Result r = passes("""
                import http from 'k6/http';
                import { check } from 'k6';
                export default function () {
                  const seen = [];
                  ['a', 'b', 'c'].forEach((x) => { http.get(`${__ENV.TARGET}/get?x=${x}`); seen.push(x); });
                  const bodies = ['/pi.php', '/pi.php'].map((p) => http.get(`${__ENV.TARGET}${p}`).body);
                  const total = [1, 2].reduce((sum, n) => sum + http.get(`${__ENV.TARGET}/get?n=${n}`).json().args.n.length, 0);
                  check(seen, { 'forEach waited, in order': (s) => s.join('') === 'abc' });
                  check(bodies, { 'map returned the values': (b) => b.join(' ') === '3.14 3.14' });
                  check(total, { 'reduce carried its sum': (t) => t === 2 });
                }
                """, 3);
        assertTrue(r.all().contains("http_reqs............  7"), r.toString());
        assertFalse(r.err().contains("in flight"), r.toString());
    }

    @Test
    void aCallbackThatMayNotBeAwaitedIsAWarningNamingItsLine() throws Exception {
        Salvo.Result r = Salvo.run("run", script(dir, "later.js", """
                import http from 'k6/http';
                function twice(fn) { fn(); fn(); }
                export default function () {
                  twice(() => {
                    http.get(`${__ENV.TARGET}/`);
                  });
                }
                """), "--workers", "1", "--no-progress", "-e", "TARGET=http://" + standIn.authority());
        assertTrue(r.err().contains("later.js: line 4: a callback passed to twice() calls a blocking k6 function"), r.toString());
    }

    @Test
    void anUnsupportedModuleOrARemoteImportIsAScriptErrorNamingTheLine() throws Exception {
        Salvo.Result r = Salvo.run("run", script(dir, "ws.js", """
                import http from 'k6/http';
                import { WebSocket } from 'k6/websockets';
                export default function () {}
                """), "--no-progress");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("ws.js: line 2: import of 'k6/websockets': this k6 module is not supported by salvo's k6 layer yet"), r.toString());
        r = Salvo.run("run", script(dir, "remote.js", """
                import { check } from 'k6';
                import { describe } from 'https://jslib.k6.io/expect/0.0.4/index.js';
                export default function () {}
                """), "--no-progress");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("remote.js: line 2: import of 'https://jslib.k6.io/expect/0.0.4/index.js': salvo does not load remote modules"),
                r.toString());
        assertFalse(r.all().contains("\tat "), r.toString());
    }

    @Test
    void theK6UtilsJslibResolvesToSalvosOwn() throws Exception {
        passes("""
                import { check } from 'k6';
                import { randomIntBetween, randomItem, randomString, uuidv4, findBetween } from 'https://jslib.k6.io/k6-utils/1.4.0/index.js';
                export default function () {
                  check(randomIntBetween(1, 3), { 'randomIntBetween includes both ends': (n) => Number.isInteger(n) && n >= 1 && n <= 3 });
                  check(randomItem(['a']), { 'randomItem': (v) => v === 'a' });
                  check(randomString(8, 'x'), { 'randomString': (v) => v === 'xxxxxxxx' });
                  check(uuidv4(), { 'uuidv4': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v) });
                  check(findBetween('<b>1</b><b>2</b>', '<b>', '</b>', true), { 'findBetween': (v) => v.join() === '1,2' });
                }
                """, 5);
    }

    @Test
    void cryptoGivesTheKnownDigests() throws Exception {
        passes("""
                import crypto from 'k6/crypto';
                import { check } from 'k6';
                export default function () {
                  check(crypto.sha256('abc', 'hex'), { 'sha256': (h) => h === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
                  check(crypto.md5('', 'base64'), { 'md5 in base64': (h) => h === '1B2M2Y8AsgTpgAmY7PhCfg==' });
                  const mac = crypto.createHMAC('sha256', 'key');
                  mac.update('The quick brown fox ');
                  mac.update('jumps over the lazy dog');
                  check(mac.digest('hex'), { 'an HMAC over two updates': (h) => h === 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8' });
                  check(crypto.hmac('sha256', '', '', 'hex'), { 'an HMAC with an empty key': (h) => h === 'b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad' });
                  check(new Uint8Array(crypto.sha1('x', 'binary')).length, { 'binary is an ArrayBuffer': (n) => n === 20 });
                }
                """, 5);
    }

    @Test
    void handleSummaryGetsKsixDataAndItsOutputsReplaceTheConsoleSummary() throws Exception {
        Path file = dir.resolve("out/summary.txt");
        Salvo.Result r = Salvo.run("run", script(dir, "summary.js", """
                import http from 'k6/http';
                import { check, group } from 'k6';
                import { textSummary, jUnit } from 'https://jslib.k6.io/k6-summary/0.1.0/index.js';
                export const options = { iterations: 2, thresholds: { http_req_duration: ['p(95)<5000'], 'http_reqs{status:200}': ['count==2'] } };
                export default function () {
                  group('api', function () { check(http.get(`${__ENV.TARGET}/get`), { 'got it': (r) => r.status === 200 }); });
                  group('outer', function () { group('inner', function () {}); });
                }
                export function handleSummary(data) {
                  const d = data.metrics.http_req_duration;
                  const g = data.root_group.groups.find((x) => x.name === 'api');
                  const outer = data.root_group.groups.find((x) => x.name === 'outer');
                  const lines = [
                    `type=${d.type} contains=${d.contains} p95=${typeof d.values['p(95)']} ok=${d.thresholds['p(95)<5000'].ok}`,
                    `reqs=${data.metrics['http_reqs{status:200}'].values.count} group=${g.name} path=${g.path} id=${g.id}`,
                    `check=${g.checks[0].name} passes=${g.checks[0].passes} iterations=${data.metrics.iterations.values.count}`,
                    `duration=${data.state.testRunDurationMs > 0} salvo=${Object.keys(data.metrics).some((m) => m.startsWith('salvo_'))}`,
                    `groups=${data.root_group.groups.length} inner=${outer.groups[0].path}`,
                  ];
                  return { stdout: lines.join('\\n') + '\\n', stderr: 'to stderr\\n', [__ENV.FILE]: textSummary(data), [__ENV.FILE + '.xml']: jUnit(data) };
                }
                """), "--workers", "1", "--no-progress", "-e", "TARGET=http://" + standIn.authority(), "-e", "FILE=" + file);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("type=trend contains=time p95=number ok=true\n"), r.toString());
        // k6's group id is the md5 of its path
        assertTrue(r.out().contains("reqs=2 group=api path=::api id=" + md5("::api") + "\n"), r.toString());
        assertTrue(r.out().contains("check=got it passes=2 iterations=2\n"), r.toString());
        assertTrue(r.out().contains("duration=true salvo=false\n"), r.toString());
        assertTrue(r.out().contains("groups=2 inner=::outer::inner\n"), "groups without checks are there too: " + r);
        assertTrue(r.err().contains("to stderr"), r.toString());
        assertFalse(r.out().contains("http_req_waiting"), "salvo's own summary is left out: " + r);
        String text = Files.readString(file);
        assertTrue(text.contains("█ api") && text.contains("✓ got it"), text);
        assertTrue(text.matches("(?s).*✓ http_req_duration\\.+: avg=.*p\\(95\\)=.*"), text);
        assertTrue(text.contains("{ status:200 }"), text);
        String xml = Files.readString(dir.resolve("out/summary.txt.xml"));
        assertTrue(xml.contains("<testsuites tests=\"2\" failures=\"0\">"), xml);
    }

    private static String md5(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("%032x", new java.math.BigInteger(1, d));
    }

    @Test
    void aHandleSummaryThatThrowsLeavesSalvosSummaryAndTheExitCode() throws Exception {
        Salvo.Result r = Salvo.run("run", script(dir, "summary.js", """
                import { check } from 'k6';
                export const options = { thresholds: { checks: ['rate==1'] } };
                export default function () { check(1, { 'one': (v) => v === 2 }); }
                export function handleSummary(data) { throw new Error('no summary today'); }
                """), "--no-progress");
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: handleSummary() failed: Error: no summary today"), r.toString());
        assertTrue(r.out().contains("checks"), "salvo's summary instead: " + r);
    }

    @Test
    void aCookieJarOfItsOwnServesTheRequestsThatPassIt() throws Exception {
        passes("""
                import http from 'k6/http';
                import { check } from 'k6';
                export default function () {
                  const jar = new http.CookieJar();
                  jar.set(`${__ENV.TARGET}/api/cookies`, 'mine', 'local');
                  let r = http.get(`${__ENV.TARGET}/api/cookies`, { jar });
                  check(r.json().cookies, { 'the local jar is sent': (c) => c.mine === 'local' });
                  r = http.get(`${__ENV.TARGET}/api/cookies`);
                  check(r.json().cookies, { "the VU's jar is not": (c) => c.mine === undefined });
                  http.post(`${__ENV.TARGET}/api/cookies?set=here`, null, { jar });
                  check(jar.cookiesForURL(`${__ENV.TARGET}/api/cookies`), { 'Set-Cookie lands in the local jar': (c) => c.set[0] === 'here' });
                  check(http.cookieJar().cookiesForURL(`${__ENV.TARGET}/api/cookies`), { "and not in the VU's": (c) => c.set === undefined });
                  jar.delete(`${__ENV.TARGET}/api/cookies`, 'mine');
                  check(jar.cookiesForURL(`${__ENV.TARGET}/api/cookies`), { 'delete removes one': (c) => c.mine === undefined && c.set.length === 1 });
                  jar.clear(`${__ENV.TARGET}/api/cookies`);
                  check(jar.cookiesForURL(`${__ENV.TARGET}/api/cookies`), { 'clear removes all': (c) => Object.keys(c).length === 0 });
                }
                """, 6);
    }

    @Test
    void htmlIsParsedWithKsixSelectionApi() throws Exception {
        passes("""
                import http from 'k6/http';
                import { check } from 'k6';
                import { parseHTML } from 'k6/html';
                const page = `<html lang="en"><head><title>T</title></head><body>
                  <ul id="l"><li class="a">one</li><li>two</li><li data-n="3" data-flag="true">three</li></ul>
                  <form><input name="user" value="ann"><input type="checkbox" name="ok" checked><select name="s"><option value="x">X</option><option value="y" selected>Y</option></select><textarea name="t">hi</textarea></form>
                  </body></html>`;
                export default function () {
                  const doc = parseHTML(page);
                  const li = doc.find('li');
                  check(li, {
                    'size and length': (s) => s.size() === 3 && s.length === 3,
                    'text of all': (s) => s.text() === 'onetwothree',
                    'first, last, eq': (s) => s.first().text() === 'one' && s.last().text() === 'three' && s.eq(1).text() === 'two',
                    'attr and its default': (s) => s.first().attr('class') === 'a' && s.eq(1).attr('class', 'none') === 'none',
                    'data()': (s) => s.last().data('n') === 3 && s.last().data().flag === true,
                    'filter and is': (s) => s.filter('.a').size() === 1 && s.is('.a') && !s.is('p'),
                  });
                  const seen = [];
                  li.each(function (i, el) { seen.push(`${i}:${el.nodeName()}:${el.textContent()}`); });
                  check(seen, { 'each gives index and element': (v) => v.join(',') === '0:li:one,1:li:two,2:li:three' });
                  check(doc.find('ul').children().map((i, s) => s.text()), { 'children and map': (v) => v.join() === 'one,two,three' });
                  check(doc.find('html').attr('lang') + doc.find('head title').text(), { 'attr of html and title': (v) => v === 'enT' });
                  check(doc.find('form'), {
                    'val of fields': (f) => f.find('input[name=user]').val() === 'ann' && f.find('select').val() === 'y' && f.find('textarea').val() === 'hi',
                    'serializeObject': (f) => JSON.stringify(f.serializeObject()) === '{"user":"ann","ok":"on","s":"y","t":"hi"}',
                  });
                  const res = http.get(`${__ENV.TARGET}/`);
                  check(res, {
                    'res.html(selector)': (r) => r.html('p.description').text().includes('replacement'),
                    'status_text as Go shows it': (r) => r.status_text === '200 OK',
                  });
                  check(http.get(`${__ENV.TARGET}/nope`), { '404 Not Found': (r) => r.status_text === '404 Not Found' });
                }
                """, 14);
    }

    @Test
    void anInvalidSelectorIsATypeErrorNamingIt() throws Exception {
        Salvo.Result r = Salvo.run("run", script(dir, "sel.js", """
                import { parseHTML } from 'k6/html';
                export default function () { parseHTML('<p>x</p>').find('p[[['); }
                """), "--no-progress");
        assertEquals(0, r.exit(), "k6 exits 0 when iterations throw: " + r);
        assertTrue(r.out().contains("invalid CSS selector 'p[[['"), r.toString());
    }

    @Test
    void submitFormAndClickLinkSendWhatTheBrowserWould() throws Exception {
        passes("""
                import http from 'k6/http';
                import { check } from 'k6';
                export default function () {
                  const page = http.get(`${__ENV.TARGET}/form`);
                  const sent = page.submitForm({ fields: { pass: 'secret' }, submitSelector: 'button' });
                  check(sent, {
                    'posted to the action': (r) => r.url.endsWith('/post') && r.json().method === 'POST',
                    'with the fields': (r) => JSON.stringify(r.json().form) === '{"user":"ann","pass":"secret","go":"1"}',
                  });
                  check(page.clickLink(), { 'the link, resolved against the page': (r) => r.json().args.from === 'link' });
                }
                """, 3);
    }

    @Test
    void whatTheLayerLacksFailsAtTheCallWithItsName() throws Exception {
        Salvo.Result r = Salvo.run("run", script(dir, "seed.js", """
                import { randomSeed } from 'k6';
                export default function () {
                  randomSeed(42);
                }
                """), "--no-progress");
        assertEquals(0, r.exit(), "k6 exits 0 when iterations throw: " + r);
        assertTrue(r.out().contains("randomSeed() is not supported by salvo's k6 layer yet (docs/k6.md)"), r.toString());
    }
}
