package dev.salvo.dsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echo '...' | salvo repl --demo}: the distribution's launcher as a real process, standard input a pipe. */
class ReplPipedIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");

    @TempDir Path tmp;

    private record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Result repl(String stdin, String... flags) throws Exception {
        Files.writeString(tmp.resolve("in"), stdin);
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(LAUNCHER.toString(), "repl", "--demo"));
        command.addAll(java.util.List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectInput(tmp.resolve("in").toFile())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "salvo repl did not finish within 60 s");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    @Test
    void evaluatesLineByLineAgainstTheDemoAndExitsZero() throws Exception {
        Result r = repl("""
                const res = await http.get(`${env.BASE_URL}/api/items/1`)
                res.status
                res.json('name')
                check(res, { 'is 200': (r) => r.status === 200 })
                const sum = [1, 2,
                  3].reduce((a, b) => a + b)
                sum
                """);
        assertEquals(0, r.exit, r.toString());
        assertEquals("200\n'Item 1'\ntrue\n6\n", r.out, r.toString());
        assertEquals("", r.err);
    }

    @Test
    void aFailedLineExitsThreeButTheNextLinesStillRun() throws Exception {
        Result r = repl("""
                undefinedFunction()
                await http.get('http://127.0.0.1:1/dead')
                1 +* 2
                'still here'
                """);
        assertEquals(3, r.exit, r.toString());
        assertTrue(r.err.contains("Uncaught ReferenceError: undefinedFunction is not defined"), r.err);
        assertTrue(r.out.contains("request failed: dial 127.0.0.1:1"), r.out);
        assertTrue(r.err.contains("SyntaxError: ") && r.err.contains("column 4"), r.err);
        assertTrue(r.out.endsWith("'still here'\n"), r.out);
        assertFalse(r.all().contains("\tat "), "no Java stack trace: " + r.all());
    }

    @Test
    void theDemosSelfSignedHttpsNeedsInsecureSkipTlsVerify() throws Exception {
        String probe = "await http.get(`${env.HTTPS_URL}/health`)\n_.status\n";
        Result refused = repl(probe);
        assertEquals(0, refused.exit, refused.toString());
        assertTrue(refused.out.startsWith("request failed: tls: x509: certificate signed by unknown authority: "), refused.out);
        assertTrue(refused.out.endsWith(" (errorCode 1310)\n(salvo repl --insecure-skip-tls-verify accepts any certificate)\n0\n"),
                refused.out);

        Result accepted = repl(probe, "--insecure-skip-tls-verify");
        assertEquals(0, accepted.exit, accepted.toString());
        assertTrue(accepted.out.startsWith("HTTP/2.0 200 OK\n"), accepted.out);
        assertTrue(accepted.out.endsWith("\n200\n"), accepted.out);
    }

    @Test
    void printsTheValueOfAnExpression() throws Exception {
        Result r = repl("1 + 1\n");
        assertEquals(0, r.exit, r.toString());
        assertEquals("2\n", r.out);
    }

    @Test
    void aLongJsonBodyIsCutWithAHint() throws Exception {
        Result r = repl("await http.get(`${env.BASE_URL}/api/items?page=1&size=10`)\n_.json().length\n");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("HTTP/1.1 200 OK\ntimings (ms): blocked "), r.out);
        assertTrue(r.out.matches("(?s).*\\n… \\d+ more lines \\(all of it: _\\.body\\)\\n10\\n"), r.out);
    }
}
