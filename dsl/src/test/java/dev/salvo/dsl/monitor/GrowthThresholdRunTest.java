package dev.salvo.dsl.monitor;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** growth and slope judge a gauge's values over the run; rate(1m) a counter per minute. */
class GrowthThresholdRunTest {
    @TempDir Path dir;

    @Test
    void aGaugeThatGrowsFailsGrowthAndSlopeWhileTheFlatOnePasses() throws Exception {
        String file = script(dir, "growth.js", """
                import { sleep } from 'salvo';
                import { Gauge } from 'salvo/metrics';
                const growing = new Gauge('growing_bytes');
                const flat = new Gauge('flat_bytes');
                export const options = {
                  vus: 1, duration: '4s',
                  thresholds: {
                    growing_bytes: ['growth<20', 'slope<1MB'],
                    flat_bytes: [{ threshold: 'growth<20', baseline: '2s' }, 'slope<1MB'],
                    iterations: ['rate(1m)>60'],
                  },
                };
                let n = 0;
                export default async function () {
                  n++;
                  growing.add(1e6 * n);
                  flat.add(5e6);
                  await sleep(0.2);
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1", "--no-progress");
        assertEquals(99, r.exit(), r.toString());
        assertTrue(r.out().contains("✗ growing_bytes growth<20: observed growth="), r.toString());
        assertTrue(r.out().contains("✗ growing_bytes slope<1MB: observed slope="), r.toString());
        assertTrue(r.out().contains("✓ flat_bytes growth<20: observed growth=0% against the first 2s (passed)"), r.toString());
        assertTrue(r.out().contains("✓ flat_bytes slope<1MB: observed slope=0 per minute (passed)"), r.toString());
        assertTrue(r.out().matches("(?s).*✓ iterations rate\\(1m\\)>60: observed rate\\(1m\\)=\\d.*"), r.toString());
        assertTrue(r.out().matches("(?s).*growing_bytes\\.+ +\\d+  min=1000000 max=\\d+ first=\\d+.*"), r.toString());
    }
}
