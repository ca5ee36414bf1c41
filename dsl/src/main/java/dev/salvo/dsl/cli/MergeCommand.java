package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.engine.merge.MergedReports;
import dev.salvo.engine.merge.Shard;
import dev.salvo.engine.merge.ShardMerge;
import dev.salvo.engine.report.ConsoleSummary;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.Summary;
import dev.salvo.engine.thresholds.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code salvo merge DIR... --out DIR}: one result from the segments of a run, thresholds evaluated once. */
@Command(name = "merge", sortOptions = false,
        description = "Merge the result directories of 'salvo run --segment I/N' runs; evaluate the thresholds on the whole.",
        footerHeading = "%nExample:%n",
        footer = {"  salvo merge shard-0 shard-1 shard-2 --out merged"})
public final class MergeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Result directories (--out of each segment).")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged results.")
    Path out;

    @Option(names = "--allow-partial", description = "Merge the shards that exist when some are missing or unreadable; every output says so.")
    boolean allowPartial;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line, not the summary.")
    boolean quiet;

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        List<Shard> shards = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                shards.add(Shard.read(dir));
            } catch (Shard.ShardException e) {
                unreadable.add(e.getMessage());
            }
        }
        if (!unreadable.isEmpty() && (!allowPartial || shards.isEmpty())) {
            unreadable.forEach(u -> err.println("salvo merge: " + u));
            return ExitCodes.USAGE;
        }
        List<String> problems = ShardMerge.problems(shards, allowPartial);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("salvo merge: " + p));
            return ExitCodes.USAGE;
        }
        List<String> leftOut = unreadable.stream().map(u -> "left out (--allow-partial): " + u).toList();
        return write(shards, leftOut, out, quiet, "salvo merge", stdout, err).code();
    }

    /** What {@link #write} merged: the exit code of its verdict, the segments that were missing, and what the files say. */
    record Written(int code, List<String> missing, Summary summary, RunEnd end, List<String> warnings) {}

    /**
     * Merges shards that {@link ShardMerge#problems} accepted, prints the summary and the verdict,
     * and writes the merged result files into {@code out}; {@code salvo coordinate} ends the same way.
     */
    static Written write(List<Shard> shards, List<String> moreWarnings, Path out, boolean quiet, String who, PrintStream stdout,
                         PrintStream err) throws IOException {
        return write(shards, moreWarnings, null, out, quiet, who, stdout, err);
    }

    /** As above; {@code stoppedBy}: why a user stopped the whole (the files then say it ended "stopped"), or null. */
    static Written write(List<Shard> shards, List<String> moreWarnings, String stoppedBy, Path out, boolean quiet, String who,
                         PrintStream stdout, PrintStream err) throws IOException {
        ShardMerge.Merged merged = ShardMerge.merge(shards);
        List<String> warnings = new ArrayList<>(merged.warnings());
        warnings.addAll(moreWarnings);
        merged = new ShardMerge.Merged(merged.result(), merged.verdicts(), merged.wholePlan(), merged.script(),
                List.copyOf(warnings), merged.missing());
        Summary summary = Summary.of(merged.result(), merged.verdicts());
        if (!quiet) stdout.print(ConsoleSummary.render(summary));
        warnings.forEach(w -> err.println(who + ": warning: " + w));
        int code = verdict(merged.verdicts(), shards.size(), stdout);
        String reason = merged.missing().isEmpty() ? stoppedBy : "partial: missing segments " + String.join(", ", merged.missing());
        RunEnd end = new RunEnd(code, !merged.missing().isEmpty() ? "partial" : stoppedBy != null ? "stopped" : "completed", reason);
        for (String p : MergedReports.write(merged, shards, summary, end, out)) err.println(who + ": warning: " + p);
        return new Written(code, merged.missing(), summary, end, List.copyOf(warnings));
    }

    private static int verdict(List<Verdict> verdicts, int shards, PrintStream stdout) {
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        if (failed > 0) {
            stdout.println("\nFAILED: " + failed + " of " + verdicts.size() + " thresholds breached over " + shards
                    + " merged shards (exit " + ExitCodes.THRESHOLDS + ")");
            verdicts.stream().filter(v -> !v.passed()).forEach(v -> stdout.println("  ✗ " + v.describe()));
            return ExitCodes.THRESHOLDS;
        }
        stdout.println("\nPASSED" + (verdicts.isEmpty() ? "" : ": " + verdicts.size() + " thresholds held")
                + " over " + shards + " merged shards");
        return ExitCodes.OK;
    }
}
