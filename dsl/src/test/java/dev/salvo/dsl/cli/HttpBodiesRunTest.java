package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cookies, bodies and batches from a script, end to end against the demo target. */
class HttpBodiesRunTest {
    @TempDir Path dir;

    /** Runs a script with --demo; every check must pass, and {@code checks} of them must have run. */
    private Salvo.Result passes(String name, String text, int checks, String... more) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", script(dir, name, text), "--demo", "--workers", "1"));
        args.addAll(java.util.List.of(more));
        Salvo.Result r = Salvo.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(checks, r.checks().size(), r.toString());
        r.checks().forEach((check, counts) -> assertEquals(0, counts[1], "check '" + check + "' failed: " + r));
        assertTrue(!r.all().contains("iteration errors"), r.toString());
        return r;
    }

    @Test
    void theJarResetsEveryIterationAndCookieJarReadsAndWritesIt() throws Exception {
        passes("cookies.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { scenarios: { s: { executor: 'per-vu-iterations', vus: 2, iterations: 2 } } };
                export default async function (data, vu) {
                  const before = await http.get(`${env.BASE_URL}/session`);
                  check(before, { 'each iteration starts without cookies': (r) => r.status === 401 });
                  await http.post(`${env.BASE_URL}/session?user=vu${vu.id}`);
                  const me = await http.get(`${env.BASE_URL}/session`);
                  check(me, { 'the session cookie is sent back': (r) => r.json('username') === `vu${vu.id}` });
                  const jar = http.cookieJar();
                  jar.set(env.BASE_URL, 'theme', 'dark');
                  jar.set(env.BASE_URL, 'gone', 'x', { max_age: 0 });
                  jar.set(env.BASE_URL, 'old', 'x', { expires: 'Wed, 21 Oct 2015 07:28:00 GMT' });
                  const seen = (await http.get(`${env.BASE_URL}/cookies`, { cookies: { theme: { value: 'light', replace: true }, extra: 1 } })).json('cookies');
                  check(seen, { 'params.cookies replace and add': (c) => c.theme === 'light' && c.extra === '1' && !('gone' in c) && !('old' in c) });
                  check(jar.cookiesForURL(`${env.BASE_URL}/any`), { 'cookiesForURL lists the jar': (c) => c.theme[0] === 'dark' && c.session.length === 1 });
                  jar.delete(env.BASE_URL, 'theme');
                  check(jar.cookiesForURL(env.BASE_URL), { 'delete removes one': (c) => !('theme' in c) && 'session' in c });
                  jar.clear(env.BASE_URL);
                  check((await http.get(`${env.BASE_URL}/session`)), { 'clear removes all': (r) => r.status === 401 });
                }
                """, 6);
    }

    @Test
    void noCookiesResetKeepsTheJarAcrossIterations() throws Exception {
        Path summary = dir.resolve("summary.json");
        passes("keep.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { noCookiesReset: true, batchPerHost: 3, scenarios: { s: { executor: 'per-vu-iterations', vus: 1, iterations: 3 } } };
                export default async function (data, vu) {
                  if (vu.iteration === 0) await http.post(`${env.BASE_URL}/session?user=kept`);
                  check(await http.get(`${env.BASE_URL}/session`), { 'still logged in': (r) => r.status === 200 });
                }
                """, 1, "--json", summary.toString());
        com.fasterxml.jackson.databind.JsonNode options = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(summary.toFile()).path("plan").path("options");
        assertTrue(options.path("noCookiesReset").asBoolean(), options.toString());
        assertEquals(3, options.path("batchPerHost").asInt(), options.toString());
        assertEquals(20, options.path("batch").asInt(), options.toString());
    }

    @Test
    void aLocustStyleUserKeepsTheCookiesOfItsOnStart() throws Exception {
        passes("user.js", """
                import http from 'salvo/http';
                import { check, env, user } from 'salvo';
                export const options = { scenarios: { s: { executor: 'per-vu-iterations', vus: 2, iterations: 3 } } };
                export default user({
                  async onStart(data, vu) { await http.post(`${env.BASE_URL}/session?user=u${vu.id}`); },
                  tasks: [async (data, vu) => check(await http.get(`${env.BASE_URL}/session`), {
                    'every task is logged in': (r) => r.status === 200 && r.json('username') === `u${vu.id}` })],
                });
                """, 1);
    }

    @Test
    void filesFormsBinaryAndCompressedBodiesArriveIntact() throws Exception {
        byte[] photo = new byte[5000];
        for (int i = 0; i < photo.length; i++) photo[i] = (byte) (i * 7 + 3);
        Files.write(dir.resolve("photo.bin"), photo);
        Files.writeString(dir.resolve("note.txt"), "héllo\n");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        passes("bodies.js", """
                import http from 'salvo/http';
                import { open } from 'salvo/data';
                import { check, env } from 'salvo';
                const photo = open('photo.bin', 'b');
                const note = open('note.txt');
                export const options = { iterations: 1 };
                export default async function () {
                  const up = await http.post(`${env.BASE_URL}/upload`, {
                    title: 'cat', photo: http.file(photo, 'cat.bin', 'image/x-cat'), note: http.file(note),
                  });
                  const parts = up.json('parts');
                  check(parts, {
                    'a field': (p) => p[0].name === 'title' && p[0].value === 'cat',
                    'a binary file': (p) => p[1].filename === 'cat.bin' && p[1].contentType === 'image/x-cat' && p[1].size === 5000 && p[1].sha256 === env.SHA,
                    'a text file named after its field': (p) => p[2].filename === 'note' && p[2].size === 7,
                  });
                  check(photo, { 'open b is an ArrayBuffer': (b) => b instanceof ArrayBuffer && b.byteLength === 5000 });
                  const raw = await http.post(`${env.BASE_URL}/upload`, photo);
                  check(raw, { 'an ArrayBuffer body': (r) => r.json('size') === 5000 && r.json('sha256') === env.SHA });
                  const bin = await http.get(`${env.BASE_URL}/bytes/26`, { responseType: 'binary' });
                  check(bin.body, { 'a binary response': (b) => b instanceof ArrayBuffer && new Uint8Array(b)[25] === 122 });
                  const view = await http.put(`${env.BASE_URL}/upload`, new Uint8Array(photo, 1000, 10));
                  check(view, { 'a typed array sends the bytes it views': (r) => r.json('size') === 10 });
                  const form = await http.post(`${env.BASE_URL}/upload`, { a: 'x y', b: 2 }, { form: true });
                  check(form, { 'a urlencoded form': (r) => r.json('parts.1.value') === '2' && r.json('contentType') === 'application/x-www-form-urlencoded' });
                  for (const c of ['gzip', 'deflate', 'br', 'zstd']) {
                    const z = await http.post(`${env.BASE_URL}/upload`, 'salvo '.repeat(500), { compression: c });
                    check(z, { 'compressed requests': (r) => r.json('size') === 3000 });
                    const res = await http.get(`${env.BASE_URL}/compressed/${c}`);
                    check(res, { 'compressed responses': (r) => r.json('compressed') === true && r.headers['content-encoding'] === c });
                  }
                }
                """, 10, "-e", "SHA=" + sha);
    }

    @Test
    void batchesResolveInTheirShapeAndOneFailureLeavesTheOthers() throws Exception {
        Salvo.Result r = passes("batch.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export const options = { iterations: 1, batchPerHost: 2 };
                export default async function () {
                  const b = env.BASE_URL;
                  const list = await http.batch([
                    ['GET', `${b}/health`],
                    { method: 'POST', url: `${b}/upload`, body: 'abc', params: { tags: { name: 'up' } } },
                    'http://127.0.0.1:1/refused',
                    ['GET', `${b}/status/404`, null, { tags: { name: 'missing' } }],
                  ]);
                  check(list, {
                    'array in, array out, in order': (l) => l.length === 4 && l[0].status === 200 && l[1].json('size') === 3 && l[3].status === 404,
                    'the failing one has status 0 and an error': (l) => l[2].status === 0 && l[2].errorCode === 1212,
                  });
                  const named = await http.batch({ health: `${b}/health`, slow: ['GET', `${b}/delay?ms=10`] });
                  check(named, { 'object in, object out': (o) => o.health.status === 200 && o.slow.json('delayed') === 10 });
                }
                """, 3);
        assertTrue(r.out().contains("missing") && r.out().contains("up"), "each request is tagged on its own: " + r);
    }

    @Test
    void anUnsupportedCompressionIsAnIterationErrorWithItsLine() throws Exception {
        String file = script(dir, "badcomp.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { iterations: 1 };
                export default async function () {
                  await http.post(`${env.BASE_URL}/upload`, 'x', { compression: 'lzma' });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--demo", "--workers", "1");
        assertTrue(r.all().contains("unsupported compression 'lzma'"), r.toString());
        assertTrue(r.all().contains("badcomp.js:5:"), r.toString());
    }

    @Test
    void openOfAMissingFileIsAScriptErrorWithItsLine() throws Exception {
        String file = script(dir, "badopen.js", """
                import { open } from 'salvo/data';

                const photo = open('nope.bin', 'b');
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("nope.bin: no such file"), r.toString());
        assertTrue(r.err().contains("badopen.js:3:"), r.toString());
    }

    @Test
    void aBatchEntryOfTheWrongShapeNamesItsKey() throws Exception {
        String file = script(dir, "badbatch.js", """
                import http from 'salvo/http';
                export const options = { iterations: 1 };
                export default async function () {
                  await http.batch({ ok: 'http://127.0.0.1:1/', bad: 42 });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        assertTrue(r.all().contains("http.batch(): request \"bad\" must be a URL"), r.toString());
        assertTrue(r.all().contains("badbatch.js:4:"), r.toString());
    }

    @Test
    void anInvalidUrlInABatchIsATypeErrorAtTheScriptsLine() throws Exception {
        String file = script(dir, "badurl.js", """
                import http from 'salvo/http';
                export const options = { iterations: 1 };
                export default async function () {
                  await http.batch(['http://127.0.0.1:1/', 'http://exa mple/']);
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1");
        assertTrue(r.all().contains("TypeError: invalid request to 'http://exa mple/'"), r.toString());
        assertTrue(r.all().contains("badurl.js:4:"), r.toString());
    }
}
