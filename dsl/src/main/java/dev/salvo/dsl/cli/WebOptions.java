package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.RunSettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code salvo run}'s live view: the web UI ({@code --web}) and Prometheus's {@code /metrics} ({@code --metrics-port}); see docs/web.md. */
final class WebOptions {
    @Option(names = "--web", description = "Serve a live web UI and its JSON API; the run waits for a start from the page (or --autostart).")
    boolean web;

    @Option(names = "--web-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address the web UI and /metrics listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String host;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8089", description = "The web UI's port (default: ${DEFAULT-VALUE}, Locust's; 0: any free one).")
    int port;

    @Option(names = "--web-auth", paramLabel = "USER:PASS", description = "Require HTTP basic auth for the web UI, its API and /metrics.")
    String auth;

    @Option(names = "--autostart", description = "With --web: start the run at once, as the command line says, instead of waiting for the page.")
    boolean autostart;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve /metrics (Prometheus text format) on this port, with or without --web.")
    Integer metricsPort;

    /** Every problem with these flags; {@code segmented}: --segment was given. */
    List<String> problems(boolean segmented) {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) problems.add("--web-port must be a port from 0 to 65535, not " + port);
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) problems.add("--metrics-port must be a port from 0 to 65535, not " + metricsPort);
        if (auth != null && (auth.indexOf(':') < 1 || auth.endsWith(":"))) problems.add("--web-auth must be USER:PASS, not '" + auth + "'");
        if (autostart && !web) problems.add("--autostart needs --web");
        if (web && segmented) problems.add("--web cannot be combined with --segment: run segments headless and merge them");
        if (host.isBlank()) problems.add("--web-host must not be empty");
        return problems;
    }

    RunSettings.Live live() {
        return new RunSettings.Live(web, host, port, auth, autostart, metricsPort);
    }
}
