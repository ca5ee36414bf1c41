package dev.salvo.engine.monitor.internal;

import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricNames;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.monitor.PrometheusText;
import dev.salvo.engine.monitor.PrometheusText.Sample;
import dev.salvo.engine.monitor.PrometheusText.Selector;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.List;

/**
 * Scrapes a Prometheus text endpoint: every sample a selector matches (all of them without
 * selectors) becomes a gauge named after the sample ({@code :} becomes {@code _}), its labels tags.
 */
public final class PrometheusMonitor extends HttpPoll {
    private final List<Selector> selectors;
    private final Tags tags;
    private final Metrics metrics;

    public PrometheusMonitor(Supplier<HttpClient> client, URI url, Duration every, List<Selector> selectors, Tags tags,
                             Metrics metrics, Reporter reporter) {
        super(client, url, every, "prometheus", reporter);
        this.selectors = List.copyOf(selectors);
        this.tags = tags;
        this.metrics = metrics;
        for (Selector s : selectors) metrics.define(Metric.gauge(gaugeName(s.name())));
    }

    /** The gauge a Prometheus sample name becomes. */
    public static String gaugeName(String sampleName) {
        return sampleName.replace(':', '_');
    }

    @Override
    void accept(String body) {
        PrometheusText.Exposition e;
        try {
            e = PrometheusText.parse(body);
        } catch (PrometheusText.FormatException x) {
            reporter.warn(what + ": malformed exposition text at " + x.getMessage() + "; this scrape is skipped, the run goes on");
            return;
        }
        int matched = 0;
        for (Sample s : e.samples()) {
            if (!selectors.isEmpty() && selectors.stream().noneMatch(sel -> sel.matches(s))) continue;
            if (Double.isNaN(s.value()) || Double.isInfinite(s.value())) continue;
            String name = gaugeName(s.name());
            if (MetricNames.problem(name) != null) continue;
            matched++;
            try {
                metrics.add(Metric.gauge(name), Tags.of(s.labels()).with(tags), s.value());
            } catch (IllegalArgumentException clash) {
                reporter.warn(what + ": " + clash.getMessage() + "; " + s.name() + " is skipped");
            }
        }
        if (matched == 0 && !selectors.isEmpty()) {
            reporter.warn(what + ": no sample matches " + selectors.stream().map(Selector::toText).toList());
        }
    }
}
