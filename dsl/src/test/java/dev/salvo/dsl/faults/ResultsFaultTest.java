package dev.salvo.dsl.faults;

import dev.salvo.dsl.Salvo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault suite's "results survive" (issue 20): a failing setup() or teardown(), a file that cannot be written, a read-only --out. */
class ResultsFaultTest {
    static final List<String> EVERY_FILE = List.of("exceptions.csv", "failures.csv", "junit.xml", "latency.hlog", "metrics.csv",
            "report.html", "stats.csv", "stats_history.csv", "summary.json", "summary.md");

    @TempDir Path dir;

    @Test
    void teardownThatThrowsStillPrintsTheSummaryWritesEveryFileAndExits3() throws Exception {
        String file = Salvo.script(dir, "teardown.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { vus: 1, iterations: 3 };
                export default async function () { await http.get(`${env.BASE_URL}/health`); }
                export function teardown() { throw new Error('teardown broke'); }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--demo", "--no-progress", "--out", out.toString(), file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("http_reqs"), "the console summary: " + r);
        assertTrue(r.out().contains("FAILED: teardown() failed: Error: teardown broke"), r.toString());
        assertFiles(out);
        assertTrue(Files.readString(out.resolve("summary.json")).contains("teardown broke"));
    }

    @Test
    void setupThatThrowsStillPrintsTheSummaryWritesEveryFileAndExits3() throws Exception {
        String file = Salvo.script(dir, "setup.js", """
                export const options = { vus: 1, iterations: 3 };
                export function setup() { throw new Error('setup broke'); }
                export default async function () {}
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", "--no-progress", "--out", out.toString(), file);
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.out().contains("0 iterations completed"), r.toString());
        assertTrue(r.out().contains("FAILED: setup() failed: Error: setup broke"), r.toString());
        assertFiles(out);
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json.contains("\"ended\" : \"setup-failed\"") && json.contains("\"exitCode\" : 3"), json);
    }

    @Test
    void aResultFileThatCannotBeWrittenExits95NamingItWhileTheOthersAndTheSummaryAreThere() throws Exception {
        String file = Salvo.script(dir, "ok.js", """
                export const options = { vus: 1, duration: '2s' };
                export default async function () {}
                """);
        Path out = dir.resolve("out");
        Path html = out.resolve("report.html");
        CompletableFuture<Salvo.Result> run = CompletableFuture.supplyAsync(() -> Salvo.run("run", "--no-progress", "--out", out.toString(), file));
        // Once the run has started (its streaming files exist), a folder takes the report's place.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(out.resolve("stats_history.csv")) && System.nanoTime() < deadline) Thread.sleep(20);
        Files.createDirectories(html.resolve("in-the-way"));
        Salvo.Result r = run.get(60, TimeUnit.SECONDS);
        assertEquals(95, r.exit(), r.toString());
        assertTrue(r.out().contains("iterations"), "the console summary: " + r);
        assertTrue(r.err().contains("could not write " + html), r.toString());
        assertTrue(r.out().contains("FAILED: a result file could not be written: could not write " + html), r.toString());
        assertTrue(Files.readString(out.resolve("summary.json")).trim().endsWith("}"));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aFullDiskExits95NamingTheFileAndPrintsTheSummary() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "skipped: cannot mount a small tmpfs here (needs root): " + new String(mount.getInputStream().readAllBytes()));
        try {
            String file = Salvo.script(dir, "ok.js", """
                    export const options = { vus: 1, iterations: 20 };
                    export default async function () {}
                    """);
            Salvo.Result r = Salvo.run("run", "--no-progress", "--out", disk.toString(), file);
            assertEquals(95, r.exit(), r.toString());
            assertTrue(r.out().contains("20 iterations completed"), "the console summary: " + r);
            assertTrue(r.err().contains("could not write " + disk.resolve("report.html")), "the report does not fit: " + r);
            assertTrue(r.out().contains("(exit 95)"), r.toString());
            try (var files = Files.list(disk)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReadOnlyOutExits2BeforeAnyLoadWithOneLineSayingWhy() throws Exception {
        String file = Salvo.script(dir, "ok.js", """
                export const options = { vus: 1, iterations: 2 };
                export default async function () {}
                """);
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        String reason = "Permission denied";
        boolean mounted = false;
        if (Files.isWritable(ro)) { // root writes anywhere: a read-only file system then, where the test may mount one
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString()).redirectErrorStream(true).start();
            mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
            Assumptions.assumeTrue(mounted, "skipped: root, and cannot mount a read-only tmpfs: " + new String(mount.getInputStream().readAllBytes()));
            reason = "Read-only file system";
        }
        try {
            Salvo.Result r = Salvo.run("run", "--no-progress", "--out", ro.toString(), file);
            assertEquals(2, r.exit(), r.toString());
            assertEquals("salvo run: cannot write in " + ro + ": " + reason, r.err().strip(), "one line, with the reason: " + r);
            assertFalse(r.out().contains("iterations"), "no load ran: " + r);
            try (var files = Files.list(ro)) {
                assertEquals(List.of(), files.toList(), "nothing written, no probe left");
            }
        } finally {
            if (mounted) new ProcessBuilder("umount", ro.toString()).start().waitFor(10, TimeUnit.SECONDS);
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anOutThatIsAFileExits2SayingSo() throws Exception {
        String file = Salvo.script(dir, "ok.js", "export default async function () {}\n");
        Path afile = Files.writeString(dir.resolve("afile"), "mine");
        Salvo.Result r = Salvo.run("run", "--no-progress", "--out", afile.toString(), file);
        assertEquals(2, r.exit(), r.toString());
        assertEquals("salvo run: cannot write in " + afile + ": it is a file, not a folder", r.err().strip(), r.toString());
        assertEquals("mine", Files.readString(afile));
    }

    static void assertFiles(Path out) throws Exception {
        try (var files = Files.list(out)) {
            assertEquals(EVERY_FILE, files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("summary.json")).trim().endsWith("}"));
        assertTrue(Files.readString(out.resolve("report.html")).trim().endsWith("</html>"));
    }
}
