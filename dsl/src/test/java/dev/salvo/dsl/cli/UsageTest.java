package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** salvo's help and its errors for a bad command line. */
class UsageTest {
    @TempDir Path dir;

    private static String runHelp(String columns) {
        CommandLine cli = new CommandLine(new Main());
        Usage.apply(cli, columns);
        return cli.getSubcommands().get("run").getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void runHelpHasGroupsExamplesAndExitCodesButNoVersionFlag() {
        String help = runHelp("120");
        int last = -1;
        for (String heading : List.of("Load:", "Output:", "Thresholds and baseline:", "Distribution:", "Execution:", "Diagnostics:",
                "Examples:", "Exit codes:")) {
            int at = help.indexOf("\n" + heading + "\n");
            assertTrue(at > last, heading + " missing or out of order:\n" + help);
            last = at;
        }
        assertTrue(help.contains("-u, --vus, --users N"), "'--flag N', not '--flag=N':\n" + help);
        assertFalse(help.contains("--version"), help);
        assertTrue(help.contains("\n  99   a threshold was breached\n"), help);
        assertTrue(help.startsWith("Usage: salvo run SCRIPT [OPTIONS]\n"), help);
        assertTrue(help.contains("-h, --help"), help);
    }

    @Test
    void theHelpIsAsWideAsTheTerminalAndNeverBreaksAToken() {
        String wide = runHelp("160");
        assertTrue(wide.lines().anyMatch(l -> l.length() > 100), "uses the width");
        assertTrue(wide.lines().allMatch(l -> l.length() <= 160), wide);
        assertTrue(wide.contains("avg,p(95),p(99)") || !runHelp("80").contains("avg,p"), "the trend stats list in one piece");
        assertEquals(160, Usage.width("160"));
        assertEquals(60, Usage.width("20"));
        assertEquals(null, Usage.width("wide"));
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        Salvo.Result r = Salvo.run("help", "run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Usage: salvo run") && r.out().contains("Exit codes:"), r.toString());
        Salvo.Result all = Salvo.run("help");
        assertTrue(all.out().contains("help") && all.out().contains("compare"), all.toString());
    }

    @Test
    void aMistypedCommandGetsADidYouMeanInSalvosWords() {
        Salvo.Result r = Salvo.run("rn", "x.js");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("salvo: unknown command 'rn'\nDid you mean 'run'?"), r.toString());
        assertFalse(r.err().contains("salvo salvo") || r.err().contains("Unmatched"), r.toString());
    }

    @Test
    void aMistypedFlagGetsADidYouMeanAndABadValueNamesTheFlagAsTyped() throws Exception {
        String s = script(dir, "x.js", "export default async function () {}\n");
        Salvo.Result typo = Salvo.run("run", s, "--dmeo");
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().startsWith("salvo run: unknown option '--dmeo'\nDid you mean '--demo'?"), typo.toString());
        Salvo.Result bad = Salvo.run("run", s, "-u", "abc");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("'-u'") && !bad.err().contains("--users"), bad.toString());
    }
}
