package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console says around a run: exact under -q, plurals, the time rates are over, the versions. */
class TerminalOutputTest {
    @TempDir Path dir;

    private String oneIteration() throws Exception {
        return script(dir, "one.js", "export default async function () {}\n");
    }

    @Test
    void quietPrintsTheVerdictLineAndNothingBeforeIt() throws Exception {
        Salvo.Result r = Salvo.run("run", oneIteration(), "-q", "-u", "1", "-i", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("FINISHED — no thresholds declared"), "no blank line first: " + r);
        assertEquals(1, r.out().strip().lines().count(), r.toString());
    }

    @Test
    void theSummarySaysOneIterationAndTheRunsTimeToATenthOfASecond() throws Exception {
        Salvo.Result r = Salvo.run("run", oneIteration(), "-u", "1", "-i", "1", "--no-progress");
        assertTrue(r.out().matches("(?s).*\\n  finished in \\d+\\.\\ds: 1 iteration completed, 0 interrupted\\n.*"), r.toString());
    }

    @Test
    void versionNamesTheGraalJsRelease() {
        Salvo.Result r = Salvo.run("version");
        assertTrue(r.out().matches("(?s).*\\njavascript .+ \\(GraalJS \\d+\\.\\d+\\.\\d+\\)\\s*"), r.toString());
    }
}
