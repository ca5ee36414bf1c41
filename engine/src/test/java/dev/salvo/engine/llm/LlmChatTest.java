package dev.salvo.engine.llm;

import dev.salvo.engine.demo.DemoTargetTest;
import dev.salvo.engine.http.Header;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.sse.SseClient;
import dev.salvo.engine.sse.SseErrorCodes;
import dev.salvo.engine.sse.SseParams;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** One chat completion against the demo's endpoint: what it returns, what it records, and from which start. */
class LlmChatTest extends DemoTargetTest {
    private static EventLoopGroup group;
    private static EventLoop loop;
    private final Metrics metrics = new Metrics();

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private LlmResult chat(String path, String request, LongSupplier lag) throws Exception {
        SseClient client = new SseClient(loop, metrics, Tags.of("scenario", "test"), "salvo-test", lag);
        SseParams p = SseParams.of(demo.baseUrl() + path)
                .withBody("POST", LlmChat.body(request), List.of(new Header("Content-Type", "application/json")));
        CompletableFuture<LlmResult> done = new CompletableFuture<>();
        loop.execute(() -> LlmChat.start(client, p, done::complete));
        return done.get(10, TimeUnit.SECONDS);
    }

    private Aggregate aggregate(String metric) {
        return metrics.aggregates().stream().filter(a -> a.metric().name().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void anOpenModelsLateStartCountsInTheTimeToFirstTokenAndTheDuration() throws Exception {
        LlmResult r = chat("/v1/chat/completions?ttft=20&itl=5",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}],\"max_tokens\":4}", () -> 300_000_000L);
        assertNull(r.error(), r.toString());
        assertEquals("salvo streams tokens at", r.text());
        assertEquals(4, r.outputTokens());
        assertEquals(3, r.inputTokens());
        assertTrue(r.ttftMs() >= 320, "300 ms late + 20 ms to the first token: " + r.ttftMs());
        assertTrue(r.durationMs() >= 335, r.toString());
        assertTrue(r.tpotMs() > 0 && r.tpotMs() < 100, "the gaps do not carry the lateness: " + r.tpotMs());
        assertTrue(aggregate("llm_time_to_first_token").min() >= 320);
        assertEquals(4, aggregate("llm_output_tokens").sum());
        assertEquals(3, aggregate("llm_inter_token_latency").count(), "a gap between each two tokens");
    }

    @Test
    void withoutAUsageBlockTheTokensAreTheChunksCounted() throws Exception {
        LlmResult r = chat("/v1/chat/completions?ttft=0&itl=0",
                "{\"messages\":[],\"max_tokens\":3,\"stream_options\":{\"include_usage\":false}}", null);
        assertEquals(3, r.outputTokens());
        assertEquals(0, r.inputTokens());
        assertEquals("length", r.finishReason());
    }

    @Test
    void aStreamThatIsNoCompletionEndsWithItsOwnCode() throws Exception {
        LlmResult r = chat("/sse?rate=100&count=2", "{\"messages\":[]}", null);
        assertEquals(SseErrorCodes.LLM_NO_DONE, r.errorCode(), r.toString());
        assertEquals(0, r.outputTokens());
        assertEquals(-1, r.ttftMs());
    }

    @Test
    void theBodyIsStreamedWithUsageUnlessTheCallerSaidOtherwise() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                new String(LlmChat.body("{\"model\":\"m\",\"stream\":false}")));
        assertEquals("{\"stream_options\":{\"include_usage\":false},\"stream\":true}",
                new String(LlmChat.body("{\"stream_options\":{\"include_usage\":false}}")));
        assertThrows(IllegalArgumentException.class, () -> LlmChat.body("[1]"));
    }
}
