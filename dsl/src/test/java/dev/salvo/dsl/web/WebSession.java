package dev.salvo.dsl.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code salvo run --web ...} in this JVM on a thread of its own, with its output captured, and an
 * HTTP client for its page and API: the port is read from the "web UI at" line ({@code --web-port 0}).
 */
final class WebSession implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("(?:web UI|Prometheus metrics) at (http://127\\.0\\.0\\.1:\\d+/)");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth;
    final String base;

    /** A response: its status and body. */
    record Reply(int status, String body, String contentType) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    /** A client of a session already running, with other credentials (null: none). */
    static WebSession client(String base, String auth) {
        return new WebSession(base, auth);
    }

    private WebSession(String base, String auth) {
        this.base = base;
        this.auth = auth;
        exit.complete(0);
    }

    WebSession(String auth, String... args) throws Exception {
        this(Map.of(), auth, args);
    }

    /** {@code env}: the environment the SALVO_* flags are read from. */
    static WebSession withEnv(Map<String, String> env, String... args) throws Exception {
        return new WebSession(env, null, args);
    }

    private WebSession(Map<String, String> env, String auth, String[] args) throws Exception {
        this.auth = auth;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        // the command reads System.out/err when picocli constructs it: swap them around its start
        System.setOut(o);
        System.setErr(e);
        String found = null;
        try {
            Thread.ofPlatform().name("salvo-under-test").start(() -> {
                try {
                    exit.complete(Main.execute(env, args));
                } catch (Throwable t) {
                    exit.completeExceptionally(t);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (found == null && System.nanoTime() < deadline && !exit.isDone()) {
                Matcher m = URL.matcher(err());
                if (m.find()) found = m.group(1);
                else Thread.sleep(20);
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        if (found == null) throw new AssertionError("no web UI line; exit " + (exit.isDone() ? exit.get() : "-") + "\n" + this);
        base = found;
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder b) throws Exception {
        if (auth != null) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
    }

    JsonNode state() throws Exception {
        return get("api/state").json();
    }

    /** Polls /api/state until {@code ok} holds (30 s at most); returns the state that did. */
    JsonNode await(Predicate<JsonNode> ok, String what) throws Exception {
        JsonNode s = null;
        for (int i = 0; i < 300; i++) {
            s = state();
            if (ok.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("never " + what + "; last state " + s + "\n" + this);
    }

    /** POST /api/quit and the command's exit code. */
    int quit() throws Exception {
        post("api/quit", "");
        return exit.get(60, TimeUnit.SECONDS);
    }

    int exitCode() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            try {
                post("api/quit", "");
            } catch (Exception e) {
                // already gone
            }
            exit.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "--- stdout\n" + out() + "\n--- stderr\n" + err();
    }
}
