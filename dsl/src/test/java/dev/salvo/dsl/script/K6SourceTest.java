package dev.salvo.dsl.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewrite of k6's synchronous calls to salvo's awaited ones, on source text. */
class K6SourceTest {
    private static String rewrite(String src) {
        return K6Source.transform(src).text();
    }

    @Test
    void onlyScriptsThatImportK6AreK6Scripts() {
        assertTrue(K6Source.isK6("import http from 'k6/http';\n"));
        assertTrue(K6Source.isK6("  import { check, sleep } from \"k6\";"));
        assertTrue(K6Source.isK6("import 'k6/metrics'"));
        assertFalse(K6Source.isK6("import http from 'salvo/http';\n// import http from 'k6x/http'"));
        assertFalse(K6Source.isK6("import k from 'k6lib';"));
    }

    @Test
    void aWebSocketConnectBlocksUntilTheSocketClosesButItsHandlersDoNot() {
        String out = rewrite("""
                import ws from 'k6/ws';
                import { connect as open } from 'k6/ws';
                export default function () {
                  const res = ws.connect('ws://x/', {}, function (socket) { socket.on('open', () => socket.send('hi')); });
                  open('ws://x/', (s) => s.close());
                }
                """);
        assertTrue(out.contains("export default async function () {"), out);
        assertTrue(out.contains("const res = (await ws.connect('ws://x/', {}, function (socket) { socket.on('open', () => socket.send('hi')); }));"), out);
        assertTrue(out.contains("(await open('ws://x/', (s) => s.close()));"), out);
    }

    @Test
    void blockingCallsAreAwaitedAndTheirFunctionsMadeAsync() {
        String out = rewrite("""
                import http from 'k6/http';
                import { check, sleep as nap, group } from 'k6';
                export default function () {
                  const r = http.get('http://x/').json().a;
                  check(r, { 'ok': (v) => v === 1 });
                  nap(1);
                  group('g', function () { http.post('http://x/', { a: 1 }); });
                }
                """);
        assertTrue(out.contains("export default async function () {"), out);
        assertTrue(out.contains("const r = (await http.get('http://x/')).json().a;"), out);
        assertTrue(out.contains("(await nap(1));"), out);
        assertTrue(out.contains("(await group('g', async function () { (await http.post('http://x/', { a: 1 })); }));"), out);
        assertTrue(out.contains("'ok': (v) => v === 1"), "a check predicate without a blocking call stays synchronous: " + out);
    }

    @Test
    void asyncnessFollowsTheScriptsOwnCallGraph() {
        String out = rewrite("""
                import { get } from 'k6/http';
                function login(u) { return get(`http://x/${u}`); }
                const browse = (u) => login(u).status;
                const api = { list() { return browse('a'); } };
                export default () => { api.list(); const n = [1, 2].map((i) => i * 2); };
                """);
        assertTrue(out.contains("async function login(u) { return (await get(`http://x/${u}`)); }"), out);
        assertTrue(out.contains("const browse = async (u) => (await login(u)).status;"), out);
        assertTrue(out.contains("async list() { return (await browse('a')); }"), out);
        assertTrue(out.contains("export default async () => { (await api.list()); const n = [1, 2].map((i) => i * 2); };"), out);
    }

    @Test
    void stringsCommentsRegexesAndTemplatesAreNotCode() {
        String src = """
                import http from 'k6/http';
                // http.get('a') in a comment
                const re = /http.get\\(/g;
                export default function () {
                  const s = 'http.get(1)' + `http.get(${1 + 1})`; /* http.get(2) */
                }
                """;
        assertEquals(src, rewrite(src));
    }

    @Test
    void arrayCallbacksThatBlockRunOneAfterTheOther() {
        String out = rewrite("""
                import http from 'k6/http';
                export default function () {
                  const codes = ['a', 'b'].map((u) => http.get(u).status);
                  http.get('x').json().items.forEach(function (i) { http.get(i); });
                }
                """);
        assertTrue(out.contains("const codes = (await __k6each(['a', 'b'], 'map', async (u) => (await http.get(u)).status));"), out);
        assertTrue(out.contains("(await __k6each((await http.get('x')).json().items, 'forEach', async function (i) { (await http.get(i)); }));"), out);
    }

    @Test
    void aCallbackPassedToAFunctionThatMayNotAwaitItIsAWarning() {
        K6Source.Result r = K6Source.transform("""
                import http from 'k6/http';
                export default function () {
                  retry(3, () => {
                    http.get('u');
                  });
                }
                """);
        assertEquals(List.of("line 3: a callback passed to retry() calls a blocking k6 function; it became async and retry() may not wait for it"),
                r.warnings());
    }

    @Test
    void anArrowBodyWithoutASemicolonEndsAtTheLineBreak() {
        String out = rewrite("""
                import http from 'k6/http';
                const status = (u) => http.get(u).status
                export default function () {
                  const ok = (r) => r.status === 200
                  http.get('a')
                  status('b')
                  if (ok)
                    http.get('c')
                  else
                    http.get('d')
                }
                """);
        assertTrue(out.contains("const status = async (u) => (await http.get(u)).status\n"), out);
        assertTrue(out.contains("const ok = (r) => r.status === 200\n"), out);
        assertTrue(out.contains("export default async function () {"), out);
        assertTrue(out.contains("  ;(await http.get('a'))\n  ;(await status('b'))\n"), "a line that starts with ( would continue the one before: " + out);
        assertTrue(out.contains("if (ok)\n    (await http.get('c'))\n  else\n    (await http.get('d'))\n"), "a branch keeps its statement: " + out);
    }

    @Test
    void linesStayWhereTheyWere() {
        String src = "import http from 'k6/http';\nexport default function () {\n  http.get('a');\n  http.get('b');\n}\n";
        assertEquals(src.lines().count(), rewrite(src).lines().count());
    }
}
