package dev.salvo.engine.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Series;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.sse.SseClient;
import dev.salvo.engine.sse.SseErrorCodes;
import dev.salvo.engine.sse.SseEvent;
import dev.salvo.engine.sse.SseListener;
import dev.salvo.engine.sse.SseParams;
import dev.salvo.engine.sse.SseResponse;
import dev.salvo.engine.sse.SseStream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import static dev.salvo.engine.metrics.BuiltinMetrics.*;

/**
 * One streaming chat completion: the request goes through the VU's {@link SseClient} (so it is an SSE
 * stream too, with its {@code sse_*} metrics), each chunk is read in Java as it arrives (no script code
 * runs per token, so the loop is free to time the next one), and the {@code llm_*} metrics are recorded
 * when the stream ends. A chunk carries a token when its {@code choices[0].delta.content} (or
 * {@code choices[0].text}) is not empty; the role chunk servers send first is no token.
 */
public final class LlmChat implements SseListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Metrics metrics;
    private final Tags tags;
    private final Series itl;
    private final Consumer<LlmResult> done;
    private final long startNanos = System.nanoTime();
    private final double lagMs;
    private final StringBuilder text = new StringBuilder();
    private SseStream stream;
    private long firstToken = -1;
    private long lastToken = -1;
    private long endNanos = -1;
    private long chunks;
    private long usageOutput = -1;
    private long usageInput = -1;
    private String finishReason;
    private boolean sawDone;
    private String error;
    private int errorCode;

    private LlmChat(SseClient client, SseParams params, Consumer<LlmResult> done) {
        this.metrics = client.metrics();
        String url = params.url().toString();
        this.tags = client.tags().with(Tags.of(Map.of("url", url, "name", url))).with(Tags.of(params.tags()));
        this.itl = metrics.series(LLM_INTER_TOKEN_LATENCY, tags);
        long lag = client.scheduleLagNanos();
        this.lagMs = lag > 0 ? lag / 1e6 : 0;
        this.done = done;
    }

    /**
     * Sends {@code params} (a POST whose body is the request, see {@link #body}) and calls {@code done} on the
     * loop when the completion ended, successfully or not. Called on the VU's loop.
     */
    public static void start(SseClient client, SseParams params, Consumer<LlmResult> done) {
        LlmChat chat = new LlmChat(client, params, done);
        chat.stream = client.open(params, chat);
    }

    /**
     * The request body for a streamed completion: {@code request} (a JSON object) with {@code stream: true}
     * and, unless the caller set it, {@code stream_options.include_usage: true}, so that the server counts
     * the tokens. Throws IllegalArgumentException when {@code request} is no JSON object.
     */
    public static byte[] body(String request) {
        JsonNode tree;
        try {
            tree = JSON.readTree(request);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (!(tree instanceof ObjectNode o)) throw new IllegalArgumentException("the request must be a JSON object");
        o.put("stream", true);
        JsonNode options = o.path("stream_options");
        ObjectNode so = options instanceof ObjectNode existing ? existing : o.putObject("stream_options");
        if (!so.has("include_usage")) so.put("include_usage", true);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void onEvent(SseEvent e) {
        String data = e.data();
        if (data.equals("[DONE]")) {
            sawDone = true;
            endNanos = e.receivedNanos();
            if (stream != null) stream.close();
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException ex) {
            chunk = null;
        }
        if (chunk == null || !chunk.isObject() || chunk.has("error")) {
            String why = chunk != null && chunk.has("error") ? "the server sent an error: " + chunk.path("error").path("message").asText(chunk.path("error").toString())
                    : "an event that is not a JSON chunk: " + (data.length() > 200 ? data.substring(0, 200) + "…" : data);
            fail(SseErrorCodes.LLM_BAD_CHUNK, why);
            return;
        }
        JsonNode choice = chunk.path("choices").path(0);
        String content = choice.path("delta").path("content").asText(choice.path("text").asText(""));
        if (!content.isEmpty()) token(content, e.receivedNanos());
        if (choice.hasNonNull("finish_reason")) finishReason = choice.path("finish_reason").asText();
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            if (usage.has("completion_tokens")) usageOutput = usage.path("completion_tokens").asLong();
            if (usage.has("prompt_tokens")) usageInput = usage.path("prompt_tokens").asLong();
        }
    }

    private void token(String content, long nanos) {
        chunks++;
        text.append(content);
        if (firstToken < 0) {
            firstToken = nanos;
        } else {
            itl.add((nanos - lastToken) / 1e6);
        }
        lastToken = nanos;
    }

    private void fail(int code, String message) {
        if (errorCode == 0) {
            error = message;
            errorCode = code;
        }
        metrics.add(SSE_ERRORS, tags.with("error_code", Integer.toString(code)), 1);
        if (stream != null) stream.close();
    }

    @Override
    public void onEnd(SseResponse last) {
        if (errorCode == 0 && last.errorCode() != 0) {
            error = last.error();
            errorCode = last.errorCode();
        }
        if (errorCode == 0 && !sawDone && finishReason == null) {
            fail(SseErrorCodes.LLM_NO_DONE, "the stream ended without [DONE] or a finish_reason");
        }
        if (endNanos < 0) endNanos = System.nanoTime();
        long output = usageOutput >= 0 ? usageOutput : chunks;
        long input = Math.max(0, usageInput);
        double duration = (endNanos - startNanos) / 1e6 + lagMs;
        double ttft = firstToken < 0 ? -1 : (firstToken - startNanos) / 1e6 + lagMs;
        double tpot = output > 1 && firstToken >= 0 ? (lastToken - firstToken) / 1e6 / (output - 1) : -1;
        metrics.add(LLM_REQUEST_DURATION, tags, duration);
        if (ttft >= 0) metrics.add(LLM_TIME_TO_FIRST_TOKEN, tags, ttft);
        if (tpot >= 0) metrics.add(LLM_TIME_PER_OUTPUT_TOKEN, tags, tpot);
        metrics.add(LLM_OUTPUT_TOKENS, tags, output);
        metrics.add(LLM_INPUT_TOKENS, tags, input);
        if (output > 0 && duration > 0) metrics.add(LLM_TOKENS_PER_SECOND, tags, output / (duration / 1000));
        done.accept(new LlmResult(last.status(), text.toString(), output, input, chunks, finishReason, ttft, duration, tpot,
                error, errorCode, last.body()));
    }
}
