package dev.salvo.engine.demo.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.Map;

/**
 * The demo's streaming endpoints: the event feed {@code GET /sse} (pace, size, stalls, a cut on demand,
 * {@code Last-Event-ID} resumes it) and {@link DemoChat}'s OpenAI-compatible {@code POST /v1/chat/completions}.
 */
final class DemoStreams {
    static final String ENDPOINTS = """
            GET  /sse?rate=10&size=32&count=0  an event stream: `rate` events per second of about `size` bytes
                                             ({"seq","ts","pad"}, id: seq), `count` of them then the end (0: endless);
                 &stallEvery=N&stallMs=1000  a stall after every N events
                 &cutAfter=N&cut=end|drop|mid  after N events: end the response, drop the connection,
                                             or drop it in the middle of an event
                 &retry=MS&event=NAME        a retry: field first; events named NAME (default: message)
                                             Last-Event-ID: K resumes after event K
            POST /v1/chat/completions?ttft=200&itl=20&stallEvery=0&stallMs=1000
                                             OpenAI-compatible chat: {"model","messages","max_tokens"(16),
                                             "stream","stream_options":{"include_usage"}}; streamed, the
                                             first token after `ttft` ms, then one every `itl` ms
            """;
    /** Enough for 5,000 streams at 100 events/s on a loaded machine; more is refused. */
    private static final int MAX_RATE = 1000;

    private DemoStreams() {}

    static boolean accepts(FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        return path.equals("/sse") && (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.POST))
                || path.equals("/v1/chat/completions");
    }

    /** Serves the stream, or returns the error to answer (bad parameters) as a plain reply. */
    static DemoReply serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, List<String>> q = uri.parameters();
        try {
            if (uri.path().equals("/v1/chat/completions")) {
                return request.method().equals(HttpMethod.POST) ? DemoChat.serve(ctx, request, q)
                        : DemoReply.error(405, "POST a chat completion request");
            }
            return feed(ctx, request, q);
        } catch (NumberFormatException e) {
            return DemoReply.error(400, "not a number: " + e.getMessage());
        }
    }

    private static DemoReply feed(ChannelHandlerContext ctx, FullHttpRequest request, Map<String, List<String>> q) {
        int rate = Integer.parseInt(first(q, "rate", "10"));
        int size = Integer.parseInt(first(q, "size", "32"));
        long count = Long.parseLong(first(q, "count", "0"));
        int stallEvery = Integer.parseInt(first(q, "stallEvery", "0"));
        long stallMs = Long.parseLong(first(q, "stallMs", "1000"));
        long cutAfter = Long.parseLong(first(q, "cutAfter", "0"));
        String cut = first(q, "cut", "end");
        String retry = first(q, "retry", "");
        String event = first(q, "event", "");
        if (rate < 1 || rate > MAX_RATE || size < 0 || size > DemoRouter.MAX_BYTES || count < 0 || stallEvery < 0
                || stallMs < 0 || stallMs > DemoRouter.MAX_DELAY_MS || cutAfter < 0 || !List.of("end", "drop", "mid").contains(cut)
                || !retry.chars().allMatch(Character::isDigit) || event.contains("\n") || event.contains("\r")) {
            return DemoReply.error(400, "need 1 <= rate <= " + MAX_RATE + ", 0 <= size <= " + DemoRouter.MAX_BYTES
                    + ", count, stallEvery, cutAfter >= 0, stallMs <= " + DemoRouter.MAX_DELAY_MS + ", cut end|drop|mid, retry digits");
        }
        long from = 0;
        String resume = request.headers().get("Last-Event-ID", "");
        if (!resume.isEmpty()) from = Long.parseLong(resume.trim()) + 1;
        long period = 1_000_000_000L / rate;
        long firstSeq = from;
        String pad = "x".repeat(Math.max(0, size - 40));
        long epochMs = System.currentTimeMillis();
        new TimedStream(ctx) {
            long seq = firstSeq;
            long sent;
            boolean header = true;

            /** The n-th event's due time: the pace, plus one stall after every {@code stallEvery} events. */
            long due(long n) {
                return n * period + (stallEvery > 0 ? n / stallEvery * ms(stallMs) : 0);
            }

            @Override
            Piece next() {
                if (header) {
                    header = false;
                    if (!retry.isEmpty()) return new Piece(0, "retry: " + retry + "\n\n", Then.MORE);
                }
                if (count > 0 && sent >= count) return new Piece(due(sent), "", Then.END);
                long due = due(sent);
                String data = "{\"seq\":" + seq + ",\"ts\":" + (epochMs + due / 1_000_000) + ",\"pad\":\"" + pad + "\"}";
                String text = (event.isEmpty() ? "" : "event: " + event + "\n") + "id: " + seq + "\ndata: " + data + "\n\n";
                seq++;
                sent++;
                if (cutAfter > 0 && sent == cutAfter) {
                    return switch (cut) {
                        case "mid" -> new Piece(due, text.substring(0, text.length() / 2), Then.DROP);
                        case "drop" -> new Piece(due, text, Then.DROP);
                        default -> new Piece(due, text, Then.END);
                    };
                }
                return new Piece(due, text, Then.MORE);
            }
        }.start(request.protocolVersion());
        return null;
    }

    static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
