package dev.salvo.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.config.Problems;
import dev.salvo.engine.fleet.internal.FleetFrames;
import dev.salvo.engine.fleet.internal.FleetServerInitializer;
import dev.salvo.engine.merge.ShardMerge;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.IntervalListener;
import dev.salvo.engine.thresholds.Threshold;
import dev.salvo.engine.thresholds.ThresholdEvaluator;
import dev.salvo.engine.thresholds.ThresholdMonitor;
import dev.salvo.engine.thresholds.ThresholdsParser;
import dev.salvo.engine.thresholds.Verdict;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code salvo coordinate}'s server: N shards connect over WebSocket, are released together,
 * stream their intervals, which are summed as they come; the fleet's progress is printed every
 * second and its abortOnFail thresholds evaluated every 2 s on the sum (a failure stops every
 * shard); each shard hands over its result files at the end. Everything runs on one event loop,
 * so the state needs no lock.
 */
public final class Coordinator implements AutoCloseable {
    /** {@code --host --port --shards --token --start-at}, the script's SHA-256, and the console. */
    public record Options(String host, int port, int shards, String token, Instant startAt, String scriptSha256, boolean quiet,
                          PrintStream err) {}

    /** One segment's outcome: its result message ({@code summary}, {@code hlog}), or why it was lost; never-connected ones are absent. */
    public record ShardOutcome(int index, String segment, String name, JsonNode result, String lost) {}

    /**
     * The fleet's run: every segment that connected, the abortOnFail verdict that stopped it (or null),
     * whether the coordinator was interrupted, why a user stopped it (the web UI; or null), and the
     * requests of each second (index: the shard's interval number; one column per segment).
     */
    public record Outcome(List<ShardOutcome> shards, String thresholdAbort, boolean interrupted, String stoppedBy,
                          SortedMap<Long, long[]> history) {}

    /** One segment as the web UI shows it: {@code state} is absent (never connected), waiting (for the start), running, done or lost. */
    public record SegmentStatus(String segment, String name, String state, long seconds, String lost) {}

    /** The fleet now: released or not, since when, why it stops (or null), every segment. */
    public record Status(boolean started, Instant startedAt, String stopping, List<SegmentStatus> segments) {}

    private enum State { WAITING, RUNNING, DONE, LOST }

    private static final class Member {
        final int index;
        final String segment;
        final String name;
        final Channel channel;
        State state = State.WAITING;
        long lastSeq = -1;
        long lastHeard = System.nanoTime();
        JsonNode result;
        String lost;

        Member(int index, String segment, String name, Channel channel) {
            this.index = index;
            this.segment = segment;
            this.name = name;
            this.channel = channel;
        }

        String label() {
            return "segment " + segment + " (" + name + ")";
        }
    }

    /** A shard that sends nothing for this long is counted as lost (a machine gone without closing its connection). */
    static final Duration SILENCE = Duration.ofSeconds(15);

    private final Options options;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Channel server;
    private final Map<Channel, Member> members = new HashMap<>();
    private final Member[] bySegment;
    private final FleetTotals totals = new FleetTotals();
    private final SortedMap<Long, long[]> history = new TreeMap<>();
    private final CompletableFuture<Outcome> finished = new CompletableFuture<>();
    private final SortedMap<Long, FleetSecond> pending = new TreeMap<>();
    private IntervalListener seconds; // null without --web and --metrics-port: nothing to add up per second
    private long fed = -1;
    private volatile JsonNode plan;
    private List<Threshold> watched = List.of();
    private boolean started;
    private Instant startedAt;
    private long startNanos;
    private String stoppedBy;
    private long printed = -1;
    private String thresholdAbort;
    private boolean interrupted;

    private Coordinator(Options options) throws IOException {
        this.options = options;
        this.bySegment = new Member[options.shards()];
        var bind = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new FleetServerInitializer(new FleetFrames.Receiver() {
                    @Override
                    public void message(Channel ch, JsonNode m) {
                        Coordinator.this.message(ch, m);
                    }

                    @Override
                    public void closed(Channel ch) {
                        Coordinator.this.closed(ch);
                    }
                })).bind(options.host(), options.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + bind.cause().getMessage());
        }
        server = bind.channel();
        if (options.startAt() != null) {
            loop.schedule(this::release, Math.max(0, Duration.between(Instant.now(), options.startAt()).toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Listens; shards may connect as soon as this returns. */
    public static Coordinator start(Options options) throws IOException {
        return new Coordinator(options);
    }

    /** Where shards connect: {@code ws://host:port/fleet}. */
    public URI url() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + FleetWire.PATH);
    }

    /** Blocks until every shard that connected has handed over its result or was lost. */
    public Outcome await() throws InterruptedException {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Feeds {@code listener} one interval per second of the fleet: the shards' intervals of that second summed,
     * once every running shard has reported it (a late one joins the next second), on the coordinator's thread.
     */
    public void onSecond(IntervalListener listener) {
        loop.execute(() -> seconds = listener);
    }

    /** The plan the first shard described ({@code summary.json}'s {@code plan}: options, thresholds), or null before one connected. */
    public JsonNode plan() {
        return plan;
    }

    /** The fleet now, for the web UI. */
    public Status status() {
        return CompletableFuture.supplyAsync(() -> {
            List<SegmentStatus> out = new ArrayList<>();
            for (int i = 0; i < bySegment.length; i++) {
                Member x = bySegment[i];
                if (x == null) out.add(new SegmentStatus(i + "/" + options.shards(), null, "absent", 0, null));
                else out.add(new SegmentStatus(x.segment, x.name, x.state.name().toLowerCase(Locale.ROOT), x.lastSeq + 1, x.lost));
            }
            String stopping = thresholdAbort != null ? "abortOnFail over the fleet: " + thresholdAbort
                    : interrupted ? "the coordinator was interrupted" : stoppedBy;
            return new Status(started, startedAt, stopping, List.copyOf(out));
        }, loop).join();
    }

    /**
     * A user's stop (the web UI's): every running shard ends now, as stopped on purpose (its verdict is the
     * thresholds'); false when the fleet has not started or already stops for another reason.
     */
    public boolean stop(String reason) {
        return CompletableFuture.supplyAsync(() -> {
            if (!started || finished.isDone() || stoppedBy != null || thresholdAbort != null || interrupted) return false;
            stoppedBy = reason;
            say(reason + "; stopping every shard");
            broadcastStop(reason, FleetWire.STOP_ON_REQUEST);
            return true;
        }, loop).join();
    }

    /** Ctrl-C: tells every shard to stop (they still hand over their results); before the start, ends at once. */
    public void interrupt() {
        loop.execute(() -> {
            interrupted = true;
            broadcastStop("the coordinator was interrupted", 130);
            if (!started || members.isEmpty()) finish();
        });
    }

    private void message(Channel ch, JsonNode m) {
        Member member = members.get(ch);
        if (member == null) {
            if (m.path("type").asText().equals("hello")) hello(ch, m);
            else ch.close();
            return;
        }
        member.lastHeard = System.nanoTime();
        switch (m.path("type").asText()) {
            case "interval" -> interval(member, m);
            case "result" -> {
                member.result = m;
                member.state = State.DONE;
                FleetFrames.send(ch, FleetWire.message("done"));
                say(member.label() + " finished (exit " + m.path("exit").asText("?") + ")");
                checkEnd();
            }
            default -> { }
        }
    }

    private void hello(Channel ch, JsonNode m) {
        String problem = refusal(m);
        if (problem != null) {
            FleetFrames.send(ch, FleetWire.message("refused").put("reason", problem));
            ch.close();
            String who = m.path("segment").asText("?");
            say("refused segment " + who + " (" + m.path("name").asText("?") + "): " + problem);
            return;
        }
        if (plan == null) {
            plan = m.path("plan");
            JsonNode t = plan.path("options").path("thresholds");
            Problems problems = new Problems();
            List<Threshold> all = t.isObject() ? ThresholdsParser.parse(t, problems) : List.of();
            watched = all.stream().filter(Threshold::abortOnFail).toList();
        }
        int index = m.path("index").asInt();
        Member member = new Member(index, m.path("segment").asText(), m.path("name").asText("?"), ch);
        members.put(ch, member);
        bySegment[index] = member;
        long waiting = members.values().stream().filter(x -> x.state == State.WAITING).count();
        FleetFrames.send(ch, FleetWire.message("welcome").put("scriptSha256", options.scriptSha256()).put("shards", options.shards()));
        if (started) {
            member.state = State.RUNNING;
            if (thresholdAbort != null) FleetFrames.send(ch, stop("abortOnFail over the fleet: " + thresholdAbort, 99));
            else if (interrupted) FleetFrames.send(ch, stop("the coordinator was interrupted", 130));
            else if (stoppedBy != null) FleetFrames.send(ch, stop(stoppedBy, FleetWire.STOP_ON_REQUEST));
            else FleetFrames.send(ch, FleetWire.message("start"));
            say(member.label() + " connected late, " + seconds() + " s after the start");
            return;
        }
        say(member.label() + " connected (" + waiting + " of " + options.shards() + ")");
        if (options.startAt() == null && waiting == options.shards()) release();
    }

    /** Why this hello is refused, or null. */
    private String refusal(JsonNode m) {
        if (options.token() != null && !MessageDigest.isEqual(options.token().getBytes(StandardCharsets.UTF_8),
                m.path("token").asText("").getBytes(StandardCharsets.UTF_8))) {
            return "wrong or missing token (--token or SALVO_TOKEN on the shard)";
        }
        String sha = m.path("scriptSha256").asText();
        if (!sha.equals(options.scriptSha256())) {
            return "different scripts: the coordinator's has sha256 " + abbrev(options.scriptSha256()) + ", the shard's " + abbrev(sha);
        }
        int count = m.path("count").asInt(-1);
        int index = m.path("index").asInt(-1);
        if (count != options.shards()) {
            return "the coordinator runs " + options.shards() + " shards (--shards), the shard is segment " + m.path("segment").asText();
        }
        if (index < 0 || index >= count) return "no segment " + m.path("segment").asText();
        Member taken = bySegment[index];
        if (taken != null) return "segment " + taken.segment + " is already taken by " + taken.name;
        if (plan != null) {
            String diff = ShardMerge.difference("plan", plan, m.path("plan"));
            if (diff != null) return "different plans: " + diff;
        }
        return null;
    }

    private void release() {
        if (started) return;
        started = true;
        startedAt = Instant.now();
        startNanos = System.nanoTime();
        long n = members.size();
        for (Member x : members.values()) {
            x.state = State.RUNNING;
            x.lastHeard = startNanos;
            FleetFrames.send(x.channel, FleetWire.message("start"));
        }
        say("released " + n + " of " + options.shards() + " shards" + (n < options.shards() ? " (--start-at)" : ""));
        loop.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        if (!watched.isEmpty()) {
            loop.scheduleAtFixedRate(this::evaluate, ThresholdMonitor.PERIOD_MILLIS, ThresholdMonitor.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
        checkEnd();
    }

    private void interval(Member member, JsonNode m) {
        List<Aggregate> series = FleetWire.series(m);
        member.lastSeq = m.path("seq").asLong();
        totals.add(member.index, series);
        if (seconds != null) {
            pending.computeIfAbsent(Math.max(member.lastSeq, fed + 1), k -> new FleetSecond())
                    .add(member.index, m.path("start").asLong(), m.path("end").asLong(), series);
        }
        history.computeIfAbsent(member.lastSeq, k -> new long[options.shards()])[member.index] += FleetWire.requests(series);
    }

    private void closed(Channel ch) {
        Member member = members.get(ch);
        if (member == null) return;
        switch (member.state) {
            case WAITING -> {
                members.remove(ch);
                bySegment[member.index] = null;
                say(member.label() + " disconnected before the start");
            }
            case RUNNING -> lose(member, "its connection closed");
            default -> { }
        }
    }

    private void lose(Member member, String why) {
        member.state = State.LOST;
        member.lost = why;
        member.channel.close();
        say("LOST " + member.label() + " at " + seconds() + " s: " + why + "; the merged result will be partial");
        checkEnd();
    }

    /** Once a second: the seconds every running shard has reported, and shards gone silent. */
    private void tick() {
        long now = System.nanoTime();
        for (Member x : List.copyOf(members.values())) {
            if (x.state == State.RUNNING && now - x.lastHeard > SILENCE.toNanos()) {
                lose(x, "nothing heard for " + SILENCE.toSeconds() + " s");
            }
        }
        printSeconds(false);
    }

    private void printSeconds(boolean all) {
        long complete = Long.MAX_VALUE;
        for (Member x : members.values()) if (x.state == State.RUNNING) complete = Math.min(complete, x.lastSeq);
        while (!pending.isEmpty() && (all || pending.firstKey() <= complete)) {
            fed = pending.firstKey();
            seconds.onInterval(pending.remove(fed).interval());
        }
        for (var e : history.tailMap(printed + 1).entrySet()) {
            if (!all && e.getKey() > complete) break;
            printed = e.getKey();
            if (options.quiet()) continue;
            long[] row = e.getValue();
            StringBuilder parts = new StringBuilder();
            long sum = 0;
            for (int i = 0; i < row.length; i++) {
                sum += row[i];
                parts.append(i == 0 ? "" : " + ").append(row[i]);
            }
            Aggregate d = totals.total("http_req_duration");
            Aggregate f = totals.total("http_req_failed");
            options.err().printf(Locale.ROOT, "salvo coordinate: second %d: %d requests (%s); so far p(95) %.2f ms, failed %.2f%%%n",
                    e.getKey() + 1, sum, parts, d == null ? 0 : d.percentile(95), f == null ? 0 : 100 * f.rate());
        }
    }

    private void evaluate() {
        if (thresholdAbort != null) return;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<Threshold> due = watched.stream().filter(t -> seconds * 1000 >= t.delayAbortEval().toMillis()).toList();
        for (Verdict v : ThresholdEvaluator.evaluateAll(due, totals.aggregates(), seconds)) {
            if (!v.passed() && !v.noData()) {
                thresholdAbort = v.describe();
                say("abortOnFail threshold failed over the fleet: " + thresholdAbort + "; stopping every shard");
                broadcastStop("abortOnFail over the fleet: " + thresholdAbort, 99);
                return;
            }
        }
    }

    /** Tells every shard still running to stop, with the exit code a single run would end with (99 or 130). */
    private void broadcastStop(String reason, int code) {
        for (Member x : members.values()) {
            if (x.state == State.RUNNING || x.state == State.WAITING) FleetFrames.send(x.channel, stop(reason, code));
        }
    }

    private static JsonNode stop(String reason, int code) {
        return FleetWire.message("stop").put("reason", reason).put("code", code);
    }

    private void checkEnd() {
        if (!started || members.isEmpty()) return;
        for (Member x : members.values()) if (x.state == State.RUNNING || x.state == State.WAITING) return;
        finish();
    }

    private void finish() {
        if (finished.isDone()) return;
        printSeconds(true);
        List<ShardOutcome> out = new ArrayList<>();
        for (Member x : bySegment) if (x != null) out.add(new ShardOutcome(x.index, x.segment, x.name, x.result, x.lost));
        SortedMap<Long, long[]> rows = new TreeMap<>();
        history.forEach((k, v) -> rows.put(k, v.clone()));
        finished.complete(new Outcome(List.copyOf(out), thresholdAbort, interrupted, stoppedBy, rows));
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f", started ? (System.nanoTime() - startNanos) / 1e9 : 0.0);
    }

    private void say(String line) {
        options.err().println("salvo coordinate: " + line);
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha.isEmpty() ? "unknown" : sha;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(2000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }
}
