package dev.salvo.engine.live;

import dev.salvo.engine.metrics.Aggregate;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The servers of {@code --web} and {@code --metrics-port}, as {@code salvo run} and {@code salvo coordinate}
 * open them: where they listen is printed, and a UI on every interface is warned about.
 */
public final class LiveServers implements AutoCloseable {
    /** {@code --web --web-host --web-port --web-auth --metrics-port}: what to serve, where. */
    public record Settings(boolean web, String host, int port, String auth, Integer metricsPort) {}

    private final WebServer web;
    private final WebServer metrics;

    private LiveServers(WebServer web, WebServer metrics) {
        this.web = web;
        this.metrics = metrics;
    }

    /**
     * Starts what {@code settings} asks for; {@code who} begins each printed line ("salvo", "salvo coordinate"),
     * {@code waiting} follows the UI's address (or is empty).
     *
     * @throws IllegalArgumentException naming the flag whose port cannot be bound
     */
    public static LiveServers open(Settings settings, Supplier<List<Aggregate>> totals, LiveControl control, String who, String waiting,
                                   PrintStream err) {
        WebServer web = null;
        if (settings.web()) {
            web = WebServer.start(settings.host(), settings.port(), settings.auth(), totals, control, "--web-port");
            err.println(who + ": web UI at " + web.url() + waiting);
            if (isAnyAddress(settings.host())) {
                err.println(who + ": warning: --web-host " + settings.host() + " serves the UI (which starts and stops load) on every network interface"
                        + (settings.auth() == null ? "; add --web-auth user:pass" : ""));
            }
        }
        WebServer metrics = null;
        if (settings.metricsPort() != null) {
            try {
                metrics = WebServer.start(settings.host(), settings.metricsPort(), settings.auth(), totals, null, "--metrics-port");
            } catch (IllegalArgumentException e) {
                if (web != null) web.close();
                throw e;
            }
            err.println(who + ": Prometheus metrics at " + metrics.url() + "metrics");
        }
        return new LiveServers(web, metrics);
    }

    private static boolean isAnyAddress(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** The web UI's server, or null without --web. */
    public WebServer web() {
        return web;
    }

    @Override
    public void close() {
        if (web != null) web.close();
        if (metrics != null) metrics.close();
    }
}
