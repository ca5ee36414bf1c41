// Synthetic shards for bench/coordinator-cpu.sh SYNTHETIC=1 (docs/performance.md, "The coordinator's CPU"):
// N shards in one process join a real 'salvo coordinate' over loopback and send it what shards of RATE
// requests/s each would, without sending a request. What is salvo's own: the plan (the script's options, read
// by salvo's loader), the hello (ShardInfo.describe's plan and SHA-256), the client (FleetClient), the series
// (a Metrics registry, the Sampler's periods), the encoding (FleetWire.interval) and the result files handed
// over at the end (Reports: summary.json, latency.hlog). What is made up: the samples, drawn from a lognormal
// around 2 ms with a tail to 3 s (and 60 s timeouts), tagged as salvo's HTTP recorder tags four named requests.
//   $JDK25/bin/java -cp "dsl/target/salvo/lib/*" bench/SyntheticShards.java --coordinator ws://127.0.0.1:P/fleet \
//       --script bench/coordinator-synthetic.js --shards 3 --rate 20000 --duration 60s --out DIR
// Prints one line per shard (requests, interval messages and their sizes) and writes DIR/sent.json (what each
// shard sent, interval by interval); exits 0 when every shard's result was confirmed, else 1 (2: bad arguments).
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.engine.exec.Segment;
import dev.salvo.engine.fleet.FleetClient;
import dev.salvo.engine.fleet.FleetWire;
import dev.salvo.engine.merge.ShardInfo;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Sampler;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.report.ReportPaths;
import dev.salvo.engine.report.Reports;
import dev.salvo.engine.report.RunEnd;
import dev.salvo.engine.report.RunResult;
import dev.salvo.engine.report.Summary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

public class SyntheticShards {
    record Options(URI coordinator, Path script, int shards, double rate, Duration duration, Path out, String token) {}

    /** What one shard sent: requests per interval message, the messages' sizes, checks and failures in all. */
    record Sent(String segment, List<Long> requests, List<Integer> bytes, long checkPasses, long checkFails, long failed,
                boolean delivered, String stopped) {
        long total() {
            return requests.stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (RuntimeException e) {
            System.err.println("SyntheticShards: " + e.getMessage());
            System.exit(2);
            return;
        }
        byte[] script = Files.readAllBytes(o.script());
        Plan whole = plan(o);
        ExecutorService pool = Executors.newFixedThreadPool(o.shards());
        List<Future<Sent>> running = new ArrayList<>();
        for (int i = 0; i < o.shards(); i++) {
            int index = i;
            running.add(pool.submit(() -> new Shard(o, new Segment(index, o.shards()), whole, script).run()));
        }
        ObjectNode report = FleetWire.JSON.createObjectNode();
        ArrayNode shards = report.putArray("shards");
        boolean ok = true;
        for (Future<Sent> f : running) {
            Sent s = f.get();
            ok &= s.delivered();
            IntSummary b = IntSummary.of(s.bytes());
            System.out.printf("synthetic shard %s: %d requests, %d interval messages of %d bytes on average (max %d)%s%s%n",
                    s.segment(), s.total(), s.bytes().size(), b.avg(), b.max(), s.stopped() == null ? "" : ", stopped: " + s.stopped(),
                    s.delivered() ? "" : ", result NOT confirmed");
            ObjectNode j = shards.addObject().put("segment", s.segment()).put("requests", s.total()).put("checkPasses", s.checkPasses())
                    .put("checkFails", s.checkFails()).put("failed", s.failed()).put("delivered", s.delivered());
            s.requests().forEach(j.putArray("perInterval")::add);
            s.bytes().forEach(j.putArray("bytes")::add);
        }
        pool.shutdown();
        Files.createDirectories(o.out());
        FleetWire.JSON.writerWithDefaultPrettyPrinter().writeValue(o.out().resolve("sent.json").toFile(), report);
        System.exit(ok ? 0 : 1);
    }

    record IntSummary(int avg, int max) {
        static IntSummary of(List<Integer> xs) {
            return new IntSummary((int) xs.stream().mapToInt(Integer::intValue).average().orElse(0),
                    xs.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    /** The script's plan as salvo run reads it, with RATE the fleet's requests per second (the script's iterations are 4 requests). */
    private static Plan plan(Options o) throws Exception {
        Map<String, String> env = Map.of("RATE", Long.toString(Math.round(o.rate() * o.shards())), "DURATION",
                o.duration().toSeconds() + "s", "BASE_URL", "http://127.0.0.1:9");
        try (JsScript js = JsScript.open(o.script())) {
            HostContext host = new HostContext(Prepared.envJson(env), false, new Metrics(), e -> {}, e -> {});
            return Prepared.prepare(js, host, Overrides.NONE, Map.of()).plan();
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, not " + args[i]);
            m.put(args[i].substring(2), args[i + 1]);
        }
        for (String need : List.of("coordinator", "script", "shards", "rate", "duration", "out")) {
            if (!m.containsKey(need)) throw new IllegalArgumentException("--" + need + " is required");
        }
        String d = m.get("duration");
        if (!d.matches("\\d+s")) throw new IllegalArgumentException("--duration must be whole seconds such as 60s, not " + d);
        Duration duration = Duration.ofSeconds(Long.parseLong(d.substring(0, d.length() - 1)));
        if (duration.toSeconds() < 1 || duration.toMinutes() > 30) throw new IllegalArgumentException("--duration must be 1s to 1800s");
        URI url = URI.create(m.get("coordinator"));
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("--coordinator must be on loopback (127.0.0.1), not " + url);
        }
        return new Options(url, Path.of(m.get("script")), Integer.parseInt(m.get("shards")), Double.parseDouble(m.get("rate")),
                duration, Path.of(m.get("out")), m.getOrDefault("token", System.getenv("SALVO_TOKEN")));
    }

    /** One synthetic shard: joins, waits to be released, records RATE requests/s into its registry, streams, hands over. */
    static final class Shard {
        private final Options o;
        private final Segment segment;
        private final Plan whole;
        private final byte[] script;
        private final List<Long> requests = new ArrayList<>();
        private final List<Integer> bytes = new ArrayList<>();

        Shard(Options o, Segment segment, Plan whole, byte[] script) {
            this.o = o;
            this.segment = segment;
            this.whole = whole;
            this.script = script;
        }

        Sent run() throws Exception {
            ObjectNode describe = ShardInfo.describe(segment, null, script, whole);
            // the fields of FleetShard.join's hello
            ObjectNode hello = FleetWire.message("hello").put("segment", segment.toString()).put("index", segment.index())
                    .put("count", segment.count()).put("scriptSha256", describe.path("scriptSha256").asText())
                    .put("name", "synthetic shard " + segment.index() + " pid " + ProcessHandle.current().pid());
            if (o.token() != null && !o.token().isEmpty()) hello.put("token", o.token());
            hello.set("plan", describe.path("plan"));
            try (FleetClient client = FleetClient.connect(o.coordinator(), hello, Duration.ofSeconds(10))) {
                String why = client.awaitStart(() -> false);
                if (why != null) throw new IllegalStateException("segment " + segment + " was not released: " + why);
                Path dir = o.out().resolve(Integer.toString(segment.index()));
                ReportPaths paths = new ReportPaths(null, null, null, null, null, dir.resolve("summary.json"), dir.resolve("latency.hlog"),
                        null, null, null, false);
                Instant start = Instant.now();
                long t0 = System.nanoTime();
                Metrics metrics = new Metrics();
                Traffic traffic = new Traffic(metrics, o.rate(), 26L * 1000 + segment.index());
                Reports reports = Reports.open(paths, start.toEpochMilli());
                reports.json("distributed", describe);
                List<IntervalListener> listeners = new ArrayList<>(reports.listeners());
                listeners.add(interval -> {
                    ObjectNode m = FleetWire.interval(requests.size(), interval);
                    try {
                        bytes.add(FleetWire.JSON.writeValueAsBytes(m).length);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    requests.add(FleetWire.requests(interval.series()));
                    client.send(m);
                });
                ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor();
                Sampler sampler = new Sampler(metrics, 1000, traffic::gauges, listeners);
                recorder.scheduleAtFixedRate(() -> traffic.upTo(System.nanoTime() - t0), 0, 10, TimeUnit.MILLISECONDS);
                long end = t0 + o.duration().toNanos();
                while (System.nanoTime() < end && client.stopped() == null && !client.lost()) Thread.sleep(20);
                recorder.shutdown();
                recorder.awaitTermination(5, TimeUnit.SECONDS);
                sampler.close(); // the last, partial period, as a run's end publishes it
                Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                Summary summary = Summary.of(new RunResult(whole.segment(segment), start, elapsed, metrics.aggregates(), Map.of(), 0, false),
                        List.of());
                RunEnd ending = client.stopped() != null ? new RunEnd(99, "threshold-abort", client.stopped())
                        : new RunEnd(0, "completed", null, "FINISHED");
                List<String> problems = reports.finish(summary, ending, o.script().toString(), metrics.warnings());
                if (!problems.isEmpty()) throw new IllegalStateException(String.join("; ", problems));
                ObjectNode result = FleetWire.message("result").put("exit", ending.exitCode())
                        .put("summary", Files.readString(paths.json(), StandardCharsets.UTF_8))
                        .put("hlog", Files.readString(paths.hlog(), StandardCharsets.UTF_8));
                boolean delivered = client.deliver(result, Duration.ofSeconds(30));
                return new Sent(segment.toString(), List.copyOf(requests), List.copyOf(bytes), traffic.checkPasses, traffic.checkFails,
                        traffic.failed, delivered, client.stopped());
            }
        }
    }

    /**
     * The samples of RATE requests/s, recorded into the series salvo's HTTP recorder feeds (per tag set: http_reqs,
     * http_req_duration and its phases, http_req_service_time, http_req_failed) plus checks, iterations, data and the
     * generator's gauges. Iterations are 4 requests: token, list items, item (20 URLs), me.
     */
    static final class Traffic {
        private static final String BASE = "http://127.0.0.1:8000";
        private final Metrics metrics;
        private final double rate;
        private final SplittableRandom random;
        private final Tags scenario = Tags.of("scenario", "load");
        private final Series dataSent, dataReceived, iterations, iterationDuration, checks200, vus, vusMax;
        private final Series[] loopLag = new Series[2];
        private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
        private long done;
        private double iterationMs;
        long checkPasses, checkFails, failed;

        /** The series of one tag set. */
        record Exchange(Series reqs, Series duration, Series blocked, Series connecting, Series tls, Series sending, Series waiting,
                        Series receiving, Series failed, Series service, boolean expected) {}

        Traffic(Metrics metrics, double rate, long seed) {
            this.metrics = metrics;
            this.rate = rate;
            this.random = new SplittableRandom(seed);
            dataSent = metrics.series(DATA_SENT, scenario);
            dataReceived = metrics.series(DATA_RECEIVED, scenario);
            iterations = metrics.series(ITERATIONS, scenario);
            iterationDuration = metrics.series(ITERATION_DURATION, scenario);
            checks200 = metrics.series(CHECKS, Tags.of("check", "status 200", "group", "", "scenario", "load"));
            vus = metrics.series(VUS, Tags.EMPTY);
            vusMax = metrics.series(VUS_MAX, Tags.EMPTY);
            for (int w = 0; w < loopLag.length; w++) loopLag[w] = metrics.series(SALVO_LOOP_LAG, Tags.of("worker", Integer.toString(w)));
        }

        /** Records the requests due {@code nanos} after the start. */
        void upTo(long nanos) {
            long due = (long) (rate * nanos / 1e9);
            for (; done < due; done++) request((int) (done % 4));
        }

        private void request(int step) {
            double roll = random.nextDouble();
            String name, method = "GET", url;
            int status = 200, errorCode = 0;
            double scale;
            long received;
            switch (step) {
                case 0 -> {
                    name = "token"; method = "POST"; url = BASE + "/api/auth/token"; scale = 1.0; received = 180;
                    if (roll < 0.0002) { status = 0; errorCode = 1220; }
                }
                case 1 -> {
                    name = "list items"; url = BASE + "/api/items"; scale = 1.5; received = 2100;
                    if (roll < 0.0005) { status = 0; errorCode = 1050; } else if (roll < 0.0025) status = 500;
                }
                case 2 -> {
                    name = "item"; url = BASE + "/api/items/" + (1 + random.nextInt(20)); scale = 0.8; received = 420;
                    if (roll < 0.01) status = 404;
                }
                default -> {
                    name = "me"; url = BASE + "/api/me"; scale = 0.6; received = 260;
                    if (roll < 0.005) status = 401;
                }
            }
            Exchange x = exchange(name, method, url, status, errorCode);
            double d = errorCode == 1050 ? 60_000 : latency() * scale;
            double sending = lognormal(0.015, 0.4), receiving = lognormal(0.04, 0.7), lag = lognormal(0.01, 0.8);
            x.reqs().add(1);
            x.duration().add(d + lag);
            x.service().add(d);
            x.blocked().add(lognormal(0.004, 0.5));
            x.connecting().add(random.nextDouble() < 0.001 ? lognormal(0.2, 0.5) : 0);
            x.tls().add(0);
            x.sending().add(sending);
            x.waiting().add(Math.max(0, d - sending - receiving));
            x.receiving().add(receiving);
            x.failed().add(x.expected() ? 0 : 1);
            if (!x.expected()) failed++;
            dataSent.add(method.equals("POST") ? 240 : 160);
            dataReceived.add(status == 0 ? 0 : received);
            checks200.add(status == 200 ? 1 : 0);
            if (status == 200) checkPasses++;
            else checkFails++;
            iterationMs += d + lag + 0.02;
            if (step == 3) {
                iterations.add(1);
                iterationDuration.add(iterationMs);
                iterationMs = 0;
            }
        }

        /** Mostly a lognormal around 2 ms; 0.2% from a tail spread evenly (in log) from 20 ms to 3 s. */
        private double latency() {
            if (random.nextDouble() < 0.002) return 20 * Math.pow(150, random.nextDouble());
            return lognormal(2.0, 0.5);
        }

        private double lognormal(double median, double sigma) {
            return median * Math.exp(sigma * gaussian());
        }

        private double gaussian() {
            double u = 1 - random.nextDouble(), v = random.nextDouble(); // Box-Muller
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private Exchange exchange(String name, String method, String url, int status, int errorCode) {
            String key = name + ' ' + url + ' ' + status + ' ' + errorCode;
            Exchange x = exchanges.get(key);
            if (x != null) return x;
            boolean expected = status >= 200 && status < 400;
            Map<String, String> t = new LinkedHashMap<>(Map.of("scenario", "load", "group", "", "url", url, "name", name, "method", method,
                    "status", Integer.toString(status), "expected_response", Boolean.toString(expected)));
            if (errorCode != 0) t.put("error_code", Integer.toString(errorCode));
            else t.put("proto", "HTTP/1.1");
            Tags tags = Tags.of(t);
            x = new Exchange(s(HTTP_REQS, tags), s(HTTP_REQ_DURATION, tags), s(HTTP_REQ_BLOCKED, tags), s(HTTP_REQ_CONNECTING, tags),
                    s(HTTP_REQ_TLS_HANDSHAKING, tags), s(HTTP_REQ_SENDING, tags), s(HTTP_REQ_WAITING, tags), s(HTTP_REQ_RECEIVING, tags),
                    s(HTTP_REQ_FAILED, tags), s(HTTP_REQ_SERVICE_TIME, tags), expected);
            exchanges.put(key, x);
            return x;
        }

        private Series s(Metric m, Tags tags) {
            return metrics.series(m, tags);
        }

        /** Once a period, on the sampler's thread, as a run polls its gauges: VUs, and the generator's health. */
        void gauges() {
            vus.add(Math.max(1, Math.round(rate * 0.003)));
            vusMax.add(200);
            ThreadLocalRandom r = ThreadLocalRandom.current(); // not this.random: the recorder's thread owns it
            metrics.add(SALVO_CPU, Tags.EMPTY, 40 + r.nextInt(20));
            metrics.add(SALVO_CPU_CORES, Tags.EMPTY, 0.8 + r.nextDouble() * 0.4);
            metrics.add(SALVO_MACHINE_CPU, Tags.EMPTY, 50 + r.nextInt(30));
            metrics.add(SALVO_CONNECTIONS, Tags.EMPTY, 200);
            for (Series lag : loopLag) for (int k = 0; k < 10; k++) lag.add(0.05 * Math.exp(r.nextGaussian()));
        }
    }
}
