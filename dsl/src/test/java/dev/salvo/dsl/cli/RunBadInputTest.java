package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code salvo run} says and returns for bad command lines, bad options and failing scripts. */
class RunBadInputTest {
    @TempDir Path dir;

    private String noop() throws Exception {
        return script(dir, "noop.js", "export default function () {}\n");
    }

    @Test
    void missingScriptExits2NamingThePath() {
        String missing = dir.resolve("nowhere/missing.js").toString();
        Salvo.Result r = Salvo.run("run", missing);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(missing), r.toString());
    }

    @Test
    void unknownFlagExits2NamingTheFlag() throws Exception {
        Salvo.Result r = Salvo.run("run", "--frobnicate", noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--frobnicate"), r.toString());
    }

    @Test
    void malformedDurationExits2NamingTheOption() throws Exception {
        Salvo.Result r = Salvo.run("run", "-t", "10x", noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--duration") || r.err().contains("-t"), r.toString());
        assertTrue(r.err().contains("'10x' is not a duration (examples: 30s"), r.toString());
        assertTrue(!r.err().contains("java.lang"), "no Java class names for users: " + r);
    }

    @Test
    void misspeltOptionKeyIsAScriptErrorWithASuggestionInRunAndValidate() throws Exception {
        String file = script(dir, "typo.js", """
                import { check } from 'salvo';
                export const options = { vus: 1, duraton: '2s' };
                export default function () { check(1, { ran: () => true }); }
                """);
        for (String command : new String[] {"run", "validate"}) {
            Salvo.Result r = Salvo.run(command, file);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("options.duraton: unknown option (did you mean 'duration'?)"), r.toString());
            assertEquals(0, r.passes("ran"), r.toString());
        }
    }

    @Test
    void shortcutOptionsReplacedOnTheCommandLineAreNotReportedAsUnknown() throws Exception {
        String file = script(dir, "shortcuts.js", """
                export const options = { vus: 2, duration: '1m', iterations: 50 };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file, "-u", "1", "-i", "2", "-t", "5s");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(!r.err().contains("unknown option"), r.toString());
    }

    @Test
    void exceptionInAnIterationIsListedOnceWithItsCountAndScriptPosition() throws Exception {
        String file = script(dir, "throws.js", """
                import { check } from 'salvo';
                export default function () {
                  check(1, { reached: () => true });
                  throw new Error('kaboom in iteration');
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "4");
        assertEquals(97, r.exit(), "every iteration threw: " + r);
        Matcher m = Pattern.compile("(\\d+) × Error: kaboom in iteration \\(at ([^)]*throws\\.js):4:(\\d+)\\)").matcher(r.all());
        assertTrue(m.find(), r.toString());
        assertEquals(4, Integer.parseInt(m.group(1)), r.toString());
        assertEquals(1, r.all().split("kaboom in iteration", -1).length - 1, "listed once: " + r);
        assertEquals(4, r.iterationsCompleted(), r.toString());
    }

    @Test
    void refusedConnectionsGiveStatusZeroAndTheRunCompletes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String file = script(dir, "refused.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export default async function () {
                  const r = await http.get(`${env.BASE_URL}/nothing`, { tags: { name: 'refused' } });
                  check(r, { 'status is 0': (x) => x.status === 0, 'error is set': (x) => x.error !== '' && x.errorCode === 1212 });
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "3", "-e", "BASE_URL=http://127.0.0.1:" + port);
        assertEquals(97, r.exit(), "every request was refused: " + r);
        assertEquals(3, r.passes("status is 0"), r.toString());
        assertEquals(3, r.passes("error is set"), r.toString());
        assertTrue(r.out().contains("3 × GET refused: error 1212 (connection refused)"), r.toString());
        assertEquals("3", r.requestRow("refused")[3], "FAILS: " + r);
    }

    @Test
    void unknownExecutorExits3ListingTheValidOnes() throws Exception {
        String file = script(dir, "executor.js", """
                export const options = { scenarios: { spike: { executor: 'externally-controlled', vus: 2 } } };
                export default function () {}
                """);
        Salvo.Result r = Salvo.run("run", file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("options.scenarios.spike.executor: unknown executor 'externally-controlled'"), r.toString());
        assertTrue(r.err().contains("constant-vus, ramping-vus, per-vu-iterations, shared-iterations, constant-arrival-rate, ramping-arrival-rate"), r.toString());
    }

    @Test
    void errorsAfterAnAwaitAndFromFailPointAtTheScriptLineNotAtSalvosModules() throws Exception {
        String file = script(dir, "async.js", """
                import { sleep, fail } from 'salvo';
                export default async function (data, vu) {
                  await sleep(0.01);
                  if (vu.iteration % 2 === 0) throw new Error('after await');
                  fail('called fail');
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-i", "4", "--workers", "1");
        assertEquals(97, r.exit(), "every iteration threw: " + r);
        assertTrue(Pattern.compile("2 × Error: after await \\(at [^)]*async\\.js:4:\\d+\\)").matcher(r.out()).find(), r.toString());
        assertTrue(Pattern.compile("2 × Error: called fail \\(at [^)]*async\\.js:5:3\\)").matcher(r.out()).find(), r.toString());
    }

    @Test
    void nonPositiveCountsAndDurationsExit2NamingTheOption() throws Exception {
        String file = noop();
        Salvo.Result zeroVus = Salvo.run("run", "-u", "0", file);
        assertEquals(2, zeroVus.exit(), zeroVus.toString());
        assertTrue(zeroVus.err().contains("--vus must be at least 1"), zeroVus.toString());
        Salvo.Result zeroDuration = Salvo.run("run", "-t", "0s", file);
        assertEquals(2, zeroDuration.exit(), zeroDuration.toString());
        // the flag as typed (issue 22): -t, not --duration
        assertTrue(zeroDuration.err().contains("'-t'") && zeroDuration.err().contains("must be longer than 0s"), zeroDuration.toString());
    }
}
