package dev.salvo.dsl.sse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accuracy bar: against the demo's chat endpoint set to a 200 ms time to first token and
 * 20 ms per token, 100 tokens, salvo's p50 time to first token and inter-token latency are within 5%
 * of the truth at 50 concurrent streams. It runs the distribution as users do (bin/salvo: Netty's leak
 * detection off, unlike the unit tests' paranoid level, which records every buffer's accesses), with the
 * JavaScript interpreter: no script code runs per token, and no compiler threads then compete with the
 * event loops for the machine's two cores. Each VU's first stream warms the code up (tagged apart); the
 * second is measured. Timestamps are taken on the loop as the bytes are read. The streams open 20 ms apart, not
 * in one burst: what is measured is the timing of 50 concurrent token streams, not how fast the interpreter sets
 * up 50 requests at once (a burst of 10 per 10 ms put the median 4-5% over the truth, and over the bar on a busy CI
 * machine, from connects queued behind the other VUs' JavaScript).
 */
class LlmAccuracyIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("salvo.home"), "bin", "salvo");
    private static final String SCRIPT = """
            import llm from 'salvo/llm';
            import { check, env, sleep } from 'salvo';
            export const options = {
              isolation: 'worker',
              scenarios: { chat: { executor: 'per-vu-iterations', vus: 50, iterations: 2, maxDuration: '40s' } },
              thresholds: {
                'llm_time_to_first_token{name:measured}': ['med>=190', 'med<=210'],
                'llm_inter_token_latency{name:measured}': ['med>=19', 'med<=21'],
                'llm_output_tokens{name:measured}': ['count==5000'],
                checks: ['rate==1'],
              },
            };
            export default async function (data, vu) {
              const name = vu.iteration === 0 ? 'warm-up' : 'measured';
              // 50 connects spread over 1 s (each second stream follows its first at once): from 3.2 s to 4.2 s all 50 are open
              if (vu.iteration === 0) await sleep((vu.idInScenario % 50) * 0.02);
              const r = await llm.chat(`${env.BASE_URL}/v1/chat/completions?ttft=200&itl=20`,
                { model: 'demo', messages: [{ role: 'user', content: 'count to a hundred' }], max_tokens: 100 },
                { tags: { name } });
              check(r, { 'a hundred tokens': (x) => x.error === '' && x.outputTokens === 100 });
            }
            """;
    @TempDir Path dir;

    @Test
    void ttftAndInterTokenLatencyAreWithinFivePercentAtFiftyConcurrentStreams() throws Exception {
        Path file = Files.writeString(dir.resolve("accuracy.js"), SCRIPT);
        ProcessBuilder b = new ProcessBuilder(LAUNCHER.toString(), "run", file.toString(), "--demo", "--no-progress")
                .redirectErrorStream(true);
        b.environment().put("SALVO_JS_RUNTIME", "interpreter");
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the run did not end");
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(text); // the observed medians, for the record of the run
        assertEquals(0, p.exitValue(), text);
    }
}
