package dev.salvo.dsl.k6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo convert k6}: every script of the corpus that runs through the k6 layer, converted to a native
 * salvo script, runs against the same stand-in with the same checks passing; what the conversion cannot prove
 * right is a warning naming the line, what it cannot convert a script error.
 */
class K6ConvertTest {
    static K6StandIn standIn;
    @TempDir Path dir;

    @BeforeAll
    static void start() throws IOException {
        standIn = new K6StandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @TestFactory
    Stream<DynamicTest> everyPassingCorpusScriptConvertedRunsWithTheSameChecksPassing() {
        return K6CorpusTest.PASSING.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            // graphql.js's one request gets GitHub's 401 (a made-up token): a native script whose every request
            // failed exits 97, where the k6 layer exits 0 as k6 does (docs/k6.md)
            K6CorpusTest.assertPasses(K6CorpusTest.runIn(standIn, dir, e.getKey(), true), e.getKey(), e.getKey().equals("graphql.js") ? 97 : 0);
        }));
    }

    private Salvo.Result convert(String name, String text) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, text);
        return Salvo.run("convert", "k6", script.toString());
    }

    @Test
    void importsMoveToSalvoModulesAndCallsAreAwaited() throws IOException {
        Salvo.Result r = convert("t.js", """
                import http from 'k6/http';
                import { check, sleep } from 'k6';
                export default function () {
                  const res = http.get(`${__ENV.BASE_URL}/`);
                  check(res, { ok: (x) => x.status === 200 });
                  sleep(1);
                }
                """);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                import http from 'salvo/k6/http';
                import { check, sleep } from 'salvo';
                export default async function () {
                  const res = (await http.get(`${__ENV.BASE_URL}/`));
                  check(res, { ok: (x) => x.status === 200 });
                  (await sleep(1));
                }
                """, r.out());
    }

    @Test
    void aScriptNeedingOnlyKsixGlobalsGetsThemOnItsFirstLine() throws IOException {
        Salvo.Result r = convert("g.js", "import { sleep } from 'k6';\nexport default function () { console.log(__ENV.X); sleep(0.1); }\n");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("import 'salvo/k6/globals'; import { sleep } from 'salvo';\n"), r.out());
    }

    @Test
    void callbacksOfArraysAndOtherModulesAreWarningsNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("lib.js"), "import http from 'k6/http';\nexport function login() { return http.get('http://127.0.0.1:1/'); }\n");
        Salvo.Result r = convert("w.js", """
                import http from 'k6/http';
                import { login } from './lib.js';
                export default function () {
                  login();
                  ['a', 'b'].forEach((p) => http.get('http://127.0.0.1:1/' + p));
                }
                """);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("w.js: line 2: './lib.js' is another module: it is not converted with this one"), r.err());
        assertTrue(r.err().contains("w.js: line 5: an array callback that makes requests became async"), r.err());
        assertTrue(r.out().contains("(await login())"), r.out());
    }

    @Test
    void aKsixModuleSalvoLacksIsAScriptErrorAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out.js");
        Path script = dir.resolve("ws.js");
        Files.writeString(script, "import { check } from 'k6';\nimport { WebSocket } from 'k6/websockets';\nexport default function () {}\n");
        Salvo.Result r = Salvo.run("convert", "k6", script.toString(), "-o", out.toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("ws.js: line 2: import of 'k6/websockets'"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badCommandLinesExitTwo() throws IOException {
        assertEquals(2, Salvo.run("convert", "locust", "x.js").exit());
        Salvo.Result missing = Salvo.run("convert", "k6", dir.resolve("nope.js").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("script not found"), missing.err());
    }
}
