package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/leak-check.js against {@code salvo demo} in a process of its own, watched by
 * monitor.process and monitor.http: the growth gate fails (99) when the target leaks and holds when it does not.
 */
class LeakCheckExampleTest {
    private static final Pattern URL = Pattern.compile("on (http://\\S+) ");

    /** {@code salvo demo} in its own small JVM on a free port: a fixed heap with a small young generation keeps its RSS flat unless it leaks. */
    private static Process demo(long leak) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Xms512m", "-Xmx512m", "-Xmn8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.salvo.dsl.cli.Main", "demo", "--port", "0", "--https-port", "0", "--leak-per-request", Long.toString(leak)))
                .redirectErrorStream(true).start();
        return p;
    }

    private static String baseUrl(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        Matcher m = URL.matcher(String.valueOf(line));
        assertTrue(m.find(), "demo start line: " + line);
        return m.group(1);
    }

    private static Salvo.Result leakCheck(long leak) throws Exception {
        Process p = demo(leak);
        try {
            String url = baseUrl(p);
            return Salvo.run("run", ExamplesTest.repositoryRoot().resolve("examples/leak-check.js").toString(), "--workers", "1", "--no-progress",
                    "-e", "BASE_URL=" + url, "-e", "SUT_PID=" + p.pid());
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGrowthGateFailsWhenTheTargetLeaks() throws Exception {
        Salvo.Result r = leakCheck(40_000);
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.out().contains("✗ sut_rss growth<20: observed growth="), r.toString());
        assertTrue(r.out().contains("✗ sut_leaked_bytes slope<1MB"), r.toString());
    }

    @Test
    void theGrowthGateHoldsWhenTheTargetDoesNotLeak() throws Exception {
        Salvo.Result r = leakCheck(0);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓ sut_rss growth<20: observed growth="), r.toString());
    }
}
