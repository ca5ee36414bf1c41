package dev.salvo.engine.monitor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/** Polls a JSON endpoint and records the number at a dotted path ({@code heap.used}, {@code pools.0.size}) as a gauge. */
public final class HttpMonitor extends HttpPoll {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String path;
    private final Metric gauge;
    private final Tags tags;
    private final Metrics metrics;

    public HttpMonitor(Supplier<HttpClient> client, URI url, Duration every, String path, String name, Tags tags, Metrics metrics,
                       Reporter reporter) {
        super(client, url, every, "http", reporter);
        this.path = path;
        this.tags = tags;
        this.metrics = metrics;
        gauge = metrics.define(Metric.gauge(name));
    }

    @Override
    void accept(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            reporter.warn(what + ": not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "; the run goes on");
            return;
        }
        for (String part : path.split("\\.")) {
            node = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        if (!node.isNumber()) {
            reporter.warn(what + ": '" + path + "' is " + (node.isMissingNode() ? "missing" : "not a number but " + node)
                    + " in the answer; the run goes on");
            return;
        }
        metrics.add(gauge, tags, node.doubleValue());
    }
}
