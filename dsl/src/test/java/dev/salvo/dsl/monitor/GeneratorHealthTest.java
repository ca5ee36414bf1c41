package dev.salvo.dsl.monitor;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.Salvo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** salvo's own health: recorded on every run, shown in the summary, and a warning when the generator saturates. */
class GeneratorHealthTest {
    @TempDir Path dir;

    @Test
    void aScriptThatBurnsCpuOnTheEventLoopIsReportedAsASaturatedGenerator() throws Exception {
        String file = script(dir, "burn.js", """
                export const options = { vus: 1, duration: '12s' };
                export default function () {
                  const start = Date.now();
                  while (Date.now() - start < 300) {}
                }
                """);
        Salvo.Result r = Salvo.run("run", file, "--workers", "1", "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("salvo: warning: generator saturated: event-loop lag p99"), r.toString());
        assertTrue(r.err().contains("generator saturated during the run"), r.toString());
        assertTrue(r.err().contains("latencies may include generator delay"), r.toString());
    }

    @Test
    void aLightRunRecordsHealthMetricsWithoutAWarningAndThresholdsCanUseThem() throws Exception {
        String file = script(dir, "light.js", """
                import { sleep } from 'salvo';
                export const options = {
                  vus: 1, duration: '12s',
                  thresholds: { salvo_loop_lag: ['p(99)<5000'], salvo_cpu: ['value<=100'] },
                };
                export default async function () { await sleep(0.2); }
                """);
        Path json = dir.resolve("summary.json");
        Salvo.Result r = Salvo.run("run", file, "--workers", "1", "--no-progress", "--json", json.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode metrics = new ObjectMapper().readTree(json.toFile()).get("metrics");
        assertFalse(r.err().contains("generator saturated: CPU"), r.toString());
        // On a machine that other processes keep at full CPU, the loop lag is real: the warning must then say why.
        if (metrics.get("salvo_machine_cpu").get("values").get("max").asDouble() <= 90) {
            assertFalse(r.err().contains("saturated"), r.toString());
        } else if (r.err().contains("saturated")) {
            assertTrue(r.err().contains("other processes compete for it"), r.toString());
        }
        assertTrue(r.out().contains("\n  generator\n"), r.toString());
        assertTrue(r.out().matches("(?s).*    loop lag +p99=.*ms max=.*"), r.toString());
        assertTrue(r.out().matches("(?s).*    js runtime +(compiled|interpreted).*"), r.toString());
        for (String m : new String[] {"salvo_cpu", "salvo_cpu_cores", "salvo_loop_lag", "salvo_connections", "salvo_js_runtime"}) {
            assertTrue(metrics.has(m), m + " missing in " + metrics);
        }
        assertEquals("0", metrics.get("salvo_loop_lag").get("series").get(0).get("tags").get("worker").asText());
        assertTrue(metrics.get("salvo_loop_lag").get("values").get("count").asLong() >= 80, metrics.toString());
    }
}
