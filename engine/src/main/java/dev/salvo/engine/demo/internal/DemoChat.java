package dev.salvo.engine.demo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.salvo.engine.demo.internal.DemoStreams.first;

/**
 * An OpenAI-compatible {@code /v1/chat/completions}: {@code max_tokens} tokens (words of a fixed text),
 * streamed as {@code chat.completion.chunk} events (a role chunk at once, the first token after
 * {@code ttft} ms, then one every {@code itl} ms, a finish chunk, the usage chunk when
 * {@code stream_options.include_usage}, {@code [DONE]}), or one {@code chat.completion} at the end.
 */
final class DemoChat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("salvo streams tokens at the pace it is asked for so that time to first token"
            + " and the gap between tokens can be measured against a known truth").split(" ");
    private static final int MAX_TOKENS = 100_000;
    private static final AtomicLong IDS = new AtomicLong();

    private DemoChat() {}

    static DemoReply serve(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, List<String>> q) {
        long ttft = Long.parseLong(first(q, "ttft", "200"));
        long itl = Long.parseLong(first(q, "itl", "20"));
        int stallEvery = Integer.parseInt(first(q, "stallEvery", "0"));
        long stallMs = Long.parseLong(first(q, "stallMs", "1000"));
        JsonNode body;
        try {
            body = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            body = null;
        }
        if (!(body instanceof ObjectNode) || !body.path("messages").isArray()) {
            return error("the body must be a JSON object with a \"messages\" array");
        }
        int tokens = body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt(16));
        if (ttft < 0 || itl < 0 || stallEvery < 0 || stallMs < 0 || tokens < 1 || tokens > MAX_TOKENS
                || ttft + (long) tokens * itl > 10 * DemoRouter.MAX_DELAY_MS) {
            return error("need ttft, itl, stallEvery, stallMs >= 0, 1 <= max_tokens <= " + MAX_TOKENS
                    + " and the whole answer within " + 10 * DemoRouter.MAX_DELAY_MS + " ms");
        }
        String model = body.path("model").asText("demo");
        int prompt = 0;
        for (JsonNode m : body.path("messages")) {
            String content = m.path("content").asText("").trim();
            if (!content.isEmpty()) prompt += content.split("\\s+").length;
        }
        String id = "chatcmpl-demo-" + IDS.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        if (!body.path("stream").asBoolean(false)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens; i++) text.append(word(i));
            ObjectNode out = completion(id, created, model, "chat.completion");
            ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", text.toString());
            choice.put("finish_reason", "length");
            usage(out, prompt, tokens);
            return DemoReply.json(200, out.toString()).delayed(ttft + (tokens - 1) * itl + stallMs * (stallEvery > 0 ? (tokens - 1) / stallEvery : 0));
        }
        boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
        int promptTokens = prompt;
        new TimedStream(ctx) {
            int step = -1;

            @Override
            Piece next() {
                int i = step++;
                if (i < 0) return piece(0, chunk(id, created, model, delta("role", "assistant", ""), null));
                long due = TimedStream.ms(ttft + i * itl + (stallEvery > 0 ? (long) i / stallEvery * stallMs : 0));
                if (i < tokens) {
                    String text = chunk(id, created, model, delta(null, null, word(i)), null);
                    if (i == tokens - 1) text += chunk(id, created, model, JSON.createObjectNode(), "length");
                    return piece(due, text);
                }
                if (i == tokens && usage) {
                    ObjectNode u = completion(id, created, model, "chat.completion.chunk");
                    u.putArray("choices");
                    usage(u, promptTokens, tokens);
                    return piece(due, "data: " + u + "\n\n");
                }
                return new Piece(due, "data: [DONE]\n\n", Then.END);
            }
        }.start(request.protocolVersion());
        return null;
    }

    private static TimedStream.Piece piece(long due, String text) {
        return new TimedStream.Piece(due, text, TimedStream.Then.MORE);
    }

    private static String word(int i) {
        return (i == 0 ? "" : " ") + WORDS[i % WORDS.length];
    }

    private static ObjectNode delta(String role, String roleValue, String content) {
        ObjectNode d = JSON.createObjectNode();
        if (role != null) d.put(role, roleValue);
        d.put("content", content);
        return d;
    }

    private static String chunk(String id, long created, String model, ObjectNode delta, String finish) {
        ObjectNode c = completion(id, created, model, "chat.completion.chunk");
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finish);
        return "data: " + c + "\n\n";
    }

    private static ObjectNode completion(String id, long created, String model, String object) {
        return JSON.createObjectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void usage(ObjectNode out, int prompt, int completion) {
        out.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** OpenAI's error shape, so clients show the message. */
    private static DemoReply error(String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", message).put("type", "invalid_request_error");
        return DemoReply.json(400, e.toString());
    }
}
