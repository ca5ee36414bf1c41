package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report flags of {@code salvo run}: checked before the run, single files, trend columns. */
class OutputFlagsTest {
    @TempDir Path dir;

    private String noop() throws Exception {
        return script(dir, "noop.js", "export default function () {}\n");
    }

    @Test
    void unwritableOutExits2NamingThePathBeforeTheRun() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "");
        Salvo.Result r = Salvo.run("run", "--out", file.resolve("results").toString(), noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(file.toString()), r.toString());
        assertFalse(r.err().contains("salvo: running"), "checked before the run: " + r);
    }

    @Test
    void unknownTrendStatExits2NamingIt() throws Exception {
        Salvo.Result r = Salvo.run("run", "--summary-trend-stats", "avg,p95", noop());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--summary-trend-stats") && r.err().contains("p95"), r.toString());
    }

    @Test
    void singleFileFlagsAndCsvPrefixWriteOnlyThoseFilesAndTrendStatsChooseColumns() throws Exception {
        String file = script(dir, "one.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export default async function () {
                  await http.get(`${env.BASE_URL}/health`, { tags: { name: 'health' } });
                }
                """);
        Path prefix = dir.resolve("csv/run1");
        Salvo.Result r = Salvo.run("run", "--demo", "-i", "3", "--workers", "1", "--csv", prefix.toString(),
                "--json", dir.resolve("s.json").toString(), "--summary-trend-stats", "avg,p(99)", file);
        assertEquals(0, r.exit(), r.toString());
        for (String f : new String[] {"run1_stats.csv", "run1_stats_history.csv", "run1_failures.csv", "run1_exceptions.csv"}) {
            assertTrue(Files.isRegularFile(dir.resolve("csv").resolve(f)), f + ": " + r);
        }
        assertTrue(Files.readString(dir.resolve("s.json")).contains("\"schema\" : \"salvo.summary/1\""));
        assertFalse(Files.exists(dir.resolve("report.html")));
        assertTrue(r.out().matches("(?s).*NAME\\s+METHOD\\s+REQS\\s+FAILS\\s+RPS\\s+AVG\\s+P99\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*http_req_duration\\.+\\s+avg=\\S+ms p\\(99\\)=\\S+ms\\n.*"), r.out());
    }

    @Test
    void demoRequestsWithoutANameAreNamedByTheSymbolOfTheirBaseUrlSoRunsLineUp() throws Exception {
        String file = script(dir, "unnamed.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export default async function () {
                  await http.get(`${env.BASE_URL}/health?probe=1`);
                }
                """);
        for (String run : new String[] {"first", "second"}) { // two runs, two random ports, one name
            Path out = dir.resolve(run);
            Salvo.Result r = Salvo.run("run", "--demo", "-i", "2", "--workers", "1", "--out", out.toString(), file);
            assertEquals(0, r.exit(), r.toString());
            String stats = Files.readString(out.resolve("stats.csv"));
            assertTrue(stats.contains("GET,${env.BASE_URL}/health?probe=1,2,"), stats);
            String metrics = Files.readString(out.resolve("metrics.csv"));
            assertTrue(metrics.matches("(?s).*\\burl\"\"\\s*:\\s*\"\"http://127\\.0\\.0\\.1:\\d+/health\\?probe=1.*"),
                    "the url tag keeps the URL as sent: " + metrics);
        }
    }
}
