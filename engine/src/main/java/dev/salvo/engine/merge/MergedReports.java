package dev.salvo.engine.merge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.report.ReportPaths;
import dev.salvo.engine.report.Reports;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.Summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a merged run's files into one directory with the run's own writers: summary.json (with
 * the whole plan and which shards went in), stats.csv, failures.csv, exceptions.csv, junit.xml,
 * summary.md, report.html. Time series (stats_history.csv, metrics.csv) stay in the shards.
 */
public final class MergedReports {
    private MergedReports() {}

    /** Returns the problems, one line per file that could not be written. */
    public static List<String> write(ShardMerge.Merged m, List<Shard> shards, Summary summary, RunEnd end, Path outDir)
            throws IOException {
        ReportPaths all = ReportPaths.of(outDir, null, false, null, null, null, null);
        ReportPaths paths = new ReportPaths(all.stats(), null, all.failures(), all.exceptions(), null, all.json(), null,
                all.html(), all.junit(), all.markdown(), false);
        Reports reports = Reports.open(paths, m.result().start().toEpochMilli());
        reports.json("plan", m.wholePlan());
        ObjectNode merged = ShardInfo.JSON.createObjectNode();
        merged.put("segments", shards.get(0).segment().count());
        ArrayNode list = merged.putArray("shards");
        for (Shard s : shards) list.addObject().put("dir", s.dir().toString()).put("segment", s.segment().toString())
                .put("start", s.start().toString()).put("end", s.end().toString());
        ArrayNode missing = merged.putArray("missing");
        m.missing().forEach(missing::add);
        merged.put("partial", !m.missing().isEmpty());
        reports.json("merged", merged);
        return reports.finish(summary, end, m.script(), m.warnings());
    }
}
