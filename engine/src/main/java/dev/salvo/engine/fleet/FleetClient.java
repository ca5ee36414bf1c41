package dev.salvo.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.fleet.internal.FleetClientInitializer;
import dev.salvo.engine.fleet.internal.FleetFrames;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * A shard's one connection to {@code salvo coordinate}: says hello, waits to be released, streams
 * its intervals, hears a stop, hands over its result files. Its own Netty thread; every method
 * may be called from any thread.
 */
public final class FleetClient implements AutoCloseable {
    /** The coordinator said no (another script, a wrong token, a segment already taken); the message says why. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private static final JsonNode CLOSED = FleetWire.message("closed");
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private volatile BiConsumer<String, Integer> onStop = (reason, code) -> {};
    private volatile String stopped;
    private volatile int stopCode;
    private volatile boolean lost;
    private Channel channel;

    private FleetClient() {}

    /**
     * Connects, sends {@code hello} and waits for the coordinator's welcome.
     *
     * @throws IOException      the coordinator cannot be reached in {@code timeout}
     * @throws RefusedException it answered with a refusal
     */
    public static FleetClient connect(URI url, ObjectNode hello, Duration timeout) throws IOException, RefusedException, InterruptedException {
        FleetClient c = new FleetClient();
        try {
            c.open(url, timeout);
            FleetFrames.send(c.channel, hello);
            JsonNode answer = c.next(timeout);
            if (answer == null) throw new IOException("no answer from " + url + " in " + timeout.toSeconds() + " s");
            if (answer.path("type").asText().equals("refused")) throw new RefusedException(answer.path("reason").asText());
            if (!answer.path("type").asText().equals("welcome")) throw new IOException(url + " closed the connection");
            c.welcome = answer;
            return c;
        } catch (IOException | RefusedException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private JsonNode welcome;

    /** The coordinator's welcome: {@code scriptSha256}, {@code shards}. */
    public JsonNode welcome() {
        return welcome;
    }

    private void open(URI url, Duration timeout) throws IOException, InterruptedException {
        URI ws = URI.create(url.toString().replaceFirst("^http", "ws"));
        if (ws.getPath() == null || ws.getPath().isEmpty() || ws.getPath().equals("/")) ws = ws.resolve(FleetWire.PATH);
        int port = ws.getPort() > 0 ? ws.getPort() : 80;
        FleetFrames.Receiver receiver = new FleetFrames.Receiver() {
            @Override
            public void opened(Channel ch) {
                inbox.add(FleetWire.message("open"));
            }

            @Override
            public void message(Channel ch, JsonNode m) {
                if (m.path("type").asText().equals("stop")) {
                    stopCode = m.path("code").asInt(130);
                    stopped = m.path("reason").asText("the coordinator stopped the fleet");
                    onStop.accept(stopped, stopCode);
                }
                inbox.add(m);
            }

            @Override
            public void closed(Channel ch) {
                lost = true;
                inbox.add(CLOSED);
            }
        };
        var connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new FleetClientInitializer(ws, receiver)).connect(ws.getHost(), port);
        if (!connect.await(timeout.toMillis() + 1000) || !connect.isSuccess()) {
            Throwable why = connect.cause();
            throw new IOException("cannot connect to " + ws + (why == null ? "" : ": " + why.getMessage()));
        }
        channel = connect.channel();
        JsonNode first = next(timeout);
        if (first == null || !first.path("type").asText().equals("open")) throw new IOException(ws + " refused the WebSocket handshake");
    }

    private JsonNode next(Duration timeout) throws InterruptedException {
        return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Blocks until the coordinator releases the fleet or {@code cancelled} says so. Returns null when
     * it released it, else why not (it stopped the fleet before the start, the connection was lost).
     */
    public String awaitStart(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            JsonNode m = inbox.poll(200, TimeUnit.MILLISECONDS);
            if (m == null) continue;
            switch (m.path("type").asText()) {
                case "start" -> {
                    return null;
                }
                case "stop" -> {
                    return stopped;
                }
                case "closed" -> {
                    return "the connection to the coordinator was lost";
                }
                default -> { }
            }
        }
        return "cancelled";
    }

    /** Called (on the client's thread) when the coordinator tells the fleet to stop: why, and the exit code it asks for. */
    public void onStop(BiConsumer<String, Integer> handler) {
        onStop = handler;
        if (stopped != null) handler.accept(stopped, stopCode);
    }

    /** Why the coordinator stopped the fleet, or null. */
    public String stopped() {
        return stopped;
    }

    public boolean lost() {
        return lost;
    }

    public void send(JsonNode message) {
        if (!lost) FleetFrames.send(channel, message);
    }

    /** Sends the shard's result and waits (at most {@code timeout}) for the coordinator to have it. */
    public boolean deliver(JsonNode result, Duration timeout) throws InterruptedException {
        if (lost) return false;
        send(result);
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            JsonNode m = inbox.poll(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m == null || m == CLOSED) return false;
            if (m.path("type").asText().equals("done")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        if (channel != null) channel.close().awaitUninterruptibly(2000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }
}
