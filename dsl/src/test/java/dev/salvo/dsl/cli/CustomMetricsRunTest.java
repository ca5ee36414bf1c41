package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics defined with {@code salvo/metrics} are recorded from iterations, summarised and judged by thresholds. */
class CustomMetricsRunTest {
    @TempDir Path dir;

    @Test
    void trendCounterRateAndGaugeAreSummarisedAndCarryPassingAndFailingThresholds() throws Exception {
        try (DemoServer target = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            String file = script(dir, "custom.js", """
                    import http from 'salvo/http';
                    import { env } from 'salvo';
                    import { Counter, Gauge, Rate, Trend } from 'salvo/metrics';
                    const latency = new Trend('item_latency', true);
                    const sizes = new Trend('my_trend');
                    const items = new Counter('items_seen');
                    const even = new Rate('even_iterations');
                    const last = new Gauge('last_value');
                    export const options = {
                      // Four iterations per VU, so that even iteration numbers are exactly half.
                      scenarios: { each: { executor: 'per-vu-iterations', vus: 2, iterations: 4 } },
                      thresholds: {
                        item_latency: ['max<10000'],
                        items_seen: ['count>=16', 'count>=1000'],
                        even_iterations: ['rate>0.4', 'rate>0.9'],
                        last_value: ['value==42'],
                        my_trend: ['avg<50'],
                        'my_trend{kind:a}': ['avg<15', 'max<=10'],
                        'my_trend{kind:b}': ['min>=100'],
                      },
                    };
                    export default async function (data, vu) {
                      const r = await http.get(`${env.BASE_URL}/api/items`, { tags: { name: 'items' } });
                      latency.add(r.timings.duration);
                      sizes.add(10, { kind: 'a' });
                      sizes.add(100, { kind: 'b' });
                      items.add(2);
                      even.add(vu.iteration % 2 === 0);
                      last.add(vu.iteration);
                      last.add(42);
                    }
                    """);
            Salvo.Result r = Salvo.run("run", file, "--workers", "1", "-e", "BASE_URL=" + target.baseUrl());

            assertEquals(99, r.exit(), r.toString());
            List<String> section = ThresholdsRunTest.thresholdsSection(r.out());
            assertEquals(List.of(
                    "✓ item_latency max<10000",
                    "✓ items_seen count>=16",
                    "✗ items_seen count>=1000",
                    "✓ even_iterations rate>0.4",
                    "✗ even_iterations rate>0.9",
                    "✓ last_value value==42",
                    "✗ my_trend avg<50",
                    "✓ my_trend{kind:a} avg<15",
                    "✓ my_trend{kind:a} max<=10",
                    "✓ my_trend{kind:b} min>=100"), section.stream().map(l -> l.substring(0, l.indexOf(": "))).toList(), r.toString());
            assertTrue(r.out().contains("FAILED: 3 of 10 thresholds breached (exit 99)"), r.toString());
            assertTrue(r.out().contains("✗ my_trend avg<50: observed avg=55 (failed)"), r.toString());
            assertTrue(r.out().contains("✓ my_trend{kind:a} max<=10: observed max=10 (passed)"), "an exact max, not a histogram bucket: " + r);
            assertTrue(r.out().contains("✓ my_trend{kind:b} min>=100: observed min=100 (passed)"), "an exact min: " + r);

            assertTrue(Pattern.compile("^  items_seen\\.+  16 ", Pattern.MULTILINE).matcher(r.out()).find(), r.toString());
            assertTrue(Pattern.compile("^  even_iterations\\.+  50\\.00%  4 of 8", Pattern.MULTILINE).matcher(r.out()).find(), r.toString());
            assertTrue(Pattern.compile("^  last_value\\.+  42 ", Pattern.MULTILINE).matcher(r.out()).find(), r.toString());
            assertTrue(Pattern.compile("^  my_trend\\.+  avg=55 ", Pattern.MULTILINE).matcher(r.out()).find(), r.toString());
            assertTrue(Pattern.compile("^  item_latency\\.+  avg=[0-9.]+ms ", Pattern.MULTILINE).matcher(r.out()).find(), "a time trend in ms: " + r);
        }
    }
}
