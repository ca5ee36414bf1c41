package dev.salvo.dsl.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small client of the Chrome DevTools protocol over the JDK's WebSocket: headless Chromium on a
 * debugging port of its own (port 0), one page, commands and their results. Enough to drive the web
 * UI as a person does: navigate, evaluate, click, take screenshots, download.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://([^/]+)/\\S+)");
    private final Process browser;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    static Path chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) return Path.of(c);
        }
        return null;
    }

    DevTools(Path chromium, Path profile) throws Exception {
        browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=1400,1100", "--user-data-dir=" + profile, "about:blank")).redirectErrorStream(true).start();
        String host = null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; host == null && (line = lines.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) host = m.group(2);
        }
        if (host == null) throw new IllegalStateException("chromium did not open its debugging port:\n" + seen);
        Thread.ofVirtual().start(() -> lines.lines().forEach(l -> { })); // keep draining its output
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageUrl = null;
        for (JsonNode t : JSON.readTree(list)) if (t.path("type").asText().equals("page")) pageUrl = t.path("webSocketDebuggerUrl").asText();
        if (pageUrl == null) throw new IllegalStateException("no page target: " + list);
        page = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(20, TimeUnit.SECONDS);
    }

    /** Answers of the page: a command's result completes its future; events are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                    if (f != null) {
                        if (msg.has("error")) f.completeExceptionally(new IllegalStateException(msg.get("error").toString()));
                        else f.complete(msg.get("result"));
                    }
                } catch (Exception e) {
                    // not for us
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends {@code method} with {@code params} and waits for its result. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        page.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        return result.get(30, TimeUnit.SECONDS);
    }

    void navigate(String url) throws Exception {
        send("Page.enable", null);
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** The value of a JavaScript expression in the page (promises awaited); throws on an exception in the page. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("in the page: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    /** Evaluates {@code expression} every 100 ms until it is true (30 s at most). */
    void await(String expression, String what) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (eval(expression).asBoolean(false)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed " + what + " (" + expression + ")");
    }

    void screenshot(Path file) throws Exception {
        JsonNode r = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(r.path("data").asText()));
    }

    /** Downloads land in {@code dir} (Page.setDownloadBehavior). */
    void downloadTo(Path dir) throws Exception {
        send("Page.setDownloadBehavior", JSON.createObjectNode().put("behavior", "allow").put("downloadPath", dir.toString()));
    }

    @Override
    public void close() throws Exception {
        page.abort();
        // Its helper processes too, and until they are gone: one still writing into the profile made the
        // test's temporary folder fail to delete (DirectoryNotEmptyException: profile/Default).
        List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroy();
        if (!browser.waitFor(10, TimeUnit.SECONDS)) browser.destroyForcibly();
        for (ProcessHandle h : helpers) {
            h.destroy();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
                h.onExit().get(5, TimeUnit.SECONDS);
            }
        }
    }
}
