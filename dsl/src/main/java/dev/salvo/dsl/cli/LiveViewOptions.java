package dev.salvo.dsl.cli;

import dev.salvo.engine.live.LiveServers;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The live view's flags that {@code salvo run} and {@code salvo coordinate} share: the web UI
 * ({@code --web}) and Prometheus's {@code /metrics} ({@code --metrics-port}); see docs/web.md.
 */
class LiveViewOptions {
    @Option(names = "--web", description = "Serve a live web UI and its JSON API.")
    boolean web;

    @Option(names = "--web-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address the web UI and /metrics listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String host;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8089", description = "The web UI's port (default: ${DEFAULT-VALUE}, Locust's; 0: any free one).")
    int port;

    @Option(names = "--web-auth", paramLabel = "USER:PASS", description = "Require HTTP basic auth for the web UI, its API and /metrics.")
    String auth;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve /metrics (Prometheus text format) on this port, with or without --web.")
    Integer metricsPort;

    /** Every problem with these flags. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) problems.add("--web-port must be a port from 0 to 65535, not " + port);
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) problems.add("--metrics-port must be a port from 0 to 65535, not " + metricsPort);
        if (auth != null && (auth.indexOf(':') < 1 || auth.endsWith(":"))) problems.add("--web-auth must be USER:PASS, not '" + auth + "'");
        if (host.isBlank()) problems.add("--web-host must not be empty");
        return problems;
    }

    /** Whether anything is to be served. */
    boolean any() {
        return web || metricsPort != null;
    }

    LiveServers.Settings settings() {
        return new LiveServers.Settings(web, host, port, auth, metricsPort);
    }
}
