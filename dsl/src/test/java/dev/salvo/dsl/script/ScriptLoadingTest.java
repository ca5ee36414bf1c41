package dev.salvo.dsl.script;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a script as an ES module: exports, local imports, and the errors that point at the script. */
class ScriptLoadingTest {
    @TempDir Path dir;

    @Test
    void inspectSeesOptionsAndTheLifecycleFunctionsTheModuleExports() throws Exception {
        String file = script(dir, "full.js", """
                export const options = { vus: 2, duration: '1s' };
                export async function setup() { return { a: 1 }; }
                export default async function (data, vu) {}
                export function teardown(data) {}
                export const notAFunction = 42;
                """);
        try (JsScript js = JsScript.open(Path.of(file))) {
            ScriptInfo info = JsScriptRuntime.inspect(js, host());
            assertEquals("{\"vus\":2,\"duration\":\"1s\"}", info.optionsJson());
            assertTrue(info.exportsFunction("default"), info.functions().toString());
            assertTrue(info.exportsFunction("setup"), info.functions().toString());
            assertTrue(info.exportsFunction("teardown"), info.functions().toString());
            assertFalse(info.exportsFunction("options"));
            assertFalse(info.exportsFunction("notAFunction"));
        }
    }

    @Test
    void scriptWithoutOptionsHasNullOptions() throws Exception {
        String file = script(dir, "bare.js", "export default function () {}\n");
        try (JsScript js = JsScript.open(Path.of(file))) {
            ScriptInfo info = JsScriptRuntime.inspect(js, host());
            assertEquals(null, info.optionsJson());
            assertTrue(info.exportsFunction("default"));
        }
    }

    @Test
    void relativeImportOfALocalModuleWorksAtInitAndInIterations() throws Exception {
        script(dir, "lib/util.js", "export function f() { return 3; }\n");
        script(dir, "lib.js", "export { f } from './lib/util.js';\n");
        String file = script(dir, "main.js", """
                import { f } from './lib.js';
                import { check } from 'salvo';
                export const options = { vus: f() };
                export default function () { check(f(), { 'imported f returns 3': (v) => v === 3 }); }
                """);
        try (JsScript js = JsScript.open(Path.of(file))) {
            assertEquals("{\"vus\":3}", JsScriptRuntime.inspect(js, host()).optionsJson());
        }
        Salvo.Result r = Salvo.run("run", file, "-i", "3", "--workers", "1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.passes("imported f returns 3"), r.toString());
    }

    @Test
    void syntaxErrorNamesFileLineAndOneBasedColumnAndExits3() throws Exception {
        String file = script(dir, "bad.js", """
                export default function () {
                  const x = 1;
                  ) oops
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "1");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("bad.js:3:3"), r.toString());
        assertTrue(r.err().contains("SyntaxError"), r.toString());
    }

    @Test
    void exceptionAtModuleInitExits3WithTheJsStackNamingTheScriptLine() throws Exception {
        String file = script(dir, "boom.js", """
                function explode() {
                  throw new Error('init went wrong');
                }
                explode();
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "1");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("init went wrong"), r.toString());
        assertTrue(r.err().contains("boom.js:2:"), "names the throwing line: " + r);
        assertTrue(r.err().contains("boom.js:4:"), "names the calling line: " + r);
    }

    @Test
    void importOfAFileOutsideTheScriptFolderIsRefused() throws Exception {
        script(dir, "secret.js", "export const secret = 'outside';\n");
        String file = script(dir, "scripts/escape.js", """
                import { secret } from '../secret.js';
                export const options = { tags: { leaked: secret } };
                export default function () {}
                """);
        try (JsScript js = JsScript.open(Path.of(file))) {
            ScriptError e = assertThrows(ScriptError.class, () -> JsScriptRuntime.inspect(js, host()));
            assertTrue(e.getMessage().contains("secret.js"), e.getMessage());
            assertFalse(e.getMessage().contains("'outside'"), e.getMessage());
        }
        Salvo.Result r = Salvo.run("run", file, "-i", "1");
        assertEquals(3, r.exit(), r.toString());
    }

    private static dev.salvo.dsl.host.HostContext host() {
        return new dev.salvo.dsl.host.HostContext("{}", false, new dev.salvo.engine.metrics.Metrics(), m -> {}, m -> {});
    }
}
