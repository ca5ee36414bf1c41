package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rates over the measured time, phases that add up, one max in every output, the warm-up. */
class HonestNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private DemoServer target;

    @BeforeEach
    void startTarget() throws Exception {
        target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    void rateIsOverTheMeasuredTimeNotTheAllocationOfVus() throws Exception {
        // 300 VUs take a good part of a second to create (interpreted, in this JVM): before the clock starts.
        String file = script(dir, "rate.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { scenarios: { open: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s',
                  duration: '3s', preAllocatedVUs: 300, maxVUs: 300 } } };
                export default async function () { await http.get(`${env.BASE_URL}/health`); }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", file, "-e", "BASE_URL=" + target.baseUrl(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        double rate = summary.path("metrics").path("http_reqs").path("values").path("rate").asDouble();
        assertEquals(20.0, rate, 0.4, "http_reqs rate in summary.json");
        assertEquals(60, summary.path("metrics").path("http_reqs").path("values").path("count").asLong());
        String aggregated = Files.readAllLines(out.resolve("stats.csv")).stream().filter(l -> l.startsWith(",Aggregated,"))
                .findFirst().orElseThrow();
        assertEquals(20.0, Double.parseDouble(aggregated.split(",")[9]), 0.4, "Requests/s in stats.csv: " + aggregated);
        assertTrue(r.out().contains("20.0/s") || r.out().contains("19.") || r.out().contains("20."), r.out());
    }

    @Test
    void sendingWaitingAndReceivingAddUpToTheDurationOfEverySample() throws Exception {
        String file = script(dir, "phases.js", """
                import http from 'salvo/http';
                import { check, env } from 'salvo';
                export default async function () {
                  for (const path of ['/delay?ms=3', '/api/items?page=1&size=50', '/health']) {
                    const t = (await http.get(`${env.BASE_URL}${path}`)).timings;
                    check(t, { 'phases add up': (x) => Math.abs(x.sending + x.waiting + x.receiving - x.duration) < 0.01 });
                  }
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "-u", "3", "-i", "30", "-e", "BASE_URL=" + target.baseUrl());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(90, r.passes("phases add up"), r.toString());
        assertEquals(0, r.checks().get("phases add up")[1], r.toString());
    }

    @Test
    void connectingOnLoopbackIsTheSocketsOwnConnectTime() throws Exception {
        // A new connection per request ('Connection: close'): http_req_connecting is the dial, not the wait for the loop.
        String file = script(dir, "connect.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export default async function () {
                  await http.get(`${env.BASE_URL}/health`, { headers: { Connection: 'close' } });
                }
                """);
        Path out = dir.resolve("out");
        // The warm-up has HotSpot compile the client's connect path first: cold, bytecode-interpreted code is slow.
        Salvo.Result r = Salvo.run("run", file, "-u", "4", "-t", "2s", "--warmup", "2s", "--workers", "1",
                "-e", "BASE_URL=" + target.baseUrl(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode connecting = JSON.readTree(out.resolve("summary.json").toFile()).path("metrics").path("http_req_connecting").path("values");
        double salvo = connecting.path("med").asDouble();
        double own = ownConnectMedianMs(URI.create(target.baseUrl()), 200);
        assertTrue(connecting.path("count").asLong() > 300, "connects recorded: " + connecting);
        // Before the dial was timed at the socket, the wait for the loop made it ~0.9 ms here; the rest of the
        // gap is the loop's own processing of the connect's poll (docs/performance.md, "Honest numbers").
        assertTrue(salvo <= own + 0.5, "http_req_connecting p50 " + salvo + " ms against a plain socket's " + own + " ms");
    }

    @Test
    void theMaxIsTheSameInEveryOutput() throws Exception {
        String file = script(dir, "max.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export default async function () {
                  await http.get(`${env.BASE_URL}/delay?ms=${1 + Math.floor(Math.random() * 20)}`, { tags: { name: 'delay' } });
                }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", file, "-u", "2", "-t", "3s", "-e", "BASE_URL=" + target.baseUrl(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        double summary = JSON.readTree(out.resolve("summary.json").toFile()).path("metrics").path("http_req_duration")
                .path("values").path("max").asDouble();
        String stats = Files.readAllLines(out.resolve("stats.csv")).stream().filter(l -> l.startsWith(",Aggregated,"))
                .findFirst().orElseThrow();
        List<String> history = Files.readAllLines(out.resolve("stats_history.csv"));
        String last = history.get(history.size() - 1);
        String[] h = last.split(",");
        assertEquals(summary, Double.parseDouble(stats.split(",")[7]), 1e-9, "Max Response Time in stats.csv");
        assertEquals(summary, Double.parseDouble(h[h.length - 2]), 0.0005, "Total Max Response Time in stats_history.csv: " + last);
    }

    @Test
    void warmupRunsFirstAndIsNotMeasured() throws Exception {
        String file = script(dir, "warm.js", """
                import http from 'salvo/http';
                import { env, sleep } from 'salvo';
                export const options = { vus: 2, duration: '2s', warmup: '1s' };
                export default async function () { await http.get(`${env.BASE_URL}/health`); await sleep(0.1); }
                """);
        Path out = dir.resolve("out");
        Salvo.Result r = Salvo.run("run", file, "-e", "BASE_URL=" + target.baseUrl(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("warming up for 1s (not measured)"), r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(1.0, summary.path("warmup").path("seconds").asDouble(), r.toString());
        long reqs = summary.path("metrics").path("http_reqs").path("values").path("count").asLong();
        // 2 VUs × ~9 requests a second over 2 measured seconds: the warm-up's second is not in the count.
        assertTrue(reqs >= 20 && reqs <= 42, reqs + " requests measured");
        assertEquals(2.0, summary.path("run").path("durationSeconds").asDouble(), 0.5);

        Salvo.Result flag = Salvo.run("run", file, "--warmup", "500ms", "-e", "BASE_URL=" + target.baseUrl(), "--quiet");
        assertEquals(0, flag.exit(), flag.toString());
        Salvo.Result bad = Salvo.run("run", script(dir, "bad.js", """
                export const options = { warmup: 'soon' };
                export default async function () {}
                """));
        assertEquals(3, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("options.warmup"), bad.err());
    }

    /** The median time of plain blocking connects to the target, as the kernel does them on loopback. */
    private static double ownConnectMedianMs(URI base, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (SocketChannel c = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()))) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }
}
