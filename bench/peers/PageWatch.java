// bench/peers/run.sh's salvo-web row: keeps salvo's web UI open in headless Chromium while the run
// goes on, as a person watching would, and prints how often the page really updated. A single-file
// program (java bench/peers/PageWatch.java URL SECONDS) speaking the DevTools protocol over the JDK's
// WebSocket; when the run has finished it prints "page: UPDATES P50 P95 MAX" (ms between updates) and
// asks salvo to quit (POST /api/quit).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PageWatch {
    static final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    static int ids;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Path profile = Files.createTempDirectory("salvo-page-watch");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
                "--window-size=1400,1100", url).redirectErrorStream(true).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(chromium.getInputStream()));
            String host = null;
            for (String line; host == null && (line = lines.readLine()) != null; ) {
                Matcher m = Pattern.compile("DevTools listening on ws://([^/]+)/").matcher(line);
                if (m.find()) host = m.group(1);
            }
            if (host == null) throw new IllegalStateException("chromium opened no debugging port");
            Thread drain = new Thread(() -> lines.lines().forEach(l -> { })); // Java 17: the java on PATH
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher ws = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"").matcher(list);
            if (!ws.find()) throw new IllegalStateException("no page: " + list);
            WebSocket page = http.newWebSocketBuilder().buildAsync(URI.create(ws.group(1)), new WebSocket.Listener() {
                final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(text);
                        if (id.find()) {
                            CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
                            if (f != null) f.complete(text.toString());
                        }
                        text.setLength(0);
                    }
                    w.request(1);
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            String stats = null;
            while (System.nanoTime() < deadline) {
                String phase = eval(page, "window.salvo ? salvo.phase : 'loading'");
                if ("finished".equals(phase)) {
                    stats = eval(page, "salvo.intervalStats()");
                    break;
                }
                Thread.sleep(1000);
            }
            System.out.println("page: " + (stats == null ? "0 0 0 0 (the run did not finish in time)" : stats));
            try {
                http.send(HttpRequest.newBuilder(URI.create(url + "api/quit")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                System.out.println("salvo did not answer POST /api/quit: " + e.getMessage());
            }
            page.abort();
        } finally {
            chromium.destroy();
            chromium.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The string value of an expression in the page. */
    static String eval(WebSocket page, String expression) throws Exception {
        int id = ++ids;
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String quoted = expression.replace("\\", "\\\\").replace("\"", "\\\"");
        page.sendText("{\"id\":" + id + ",\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"String(" + quoted + ")\",\"returnByValue\":true}}", true);
        Matcher v = Pattern.compile("\"value\":\"([^\"]*)\"").matcher(reply.get(30, TimeUnit.SECONDS));
        return v.find() ? v.group(1) : null;
    }
}
