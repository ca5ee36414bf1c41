package dev.salvo.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.GaugeHistory;
import dev.salvo.engine.metrics.Interval;
import dev.salvo.engine.metrics.Metric;
import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Tags;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * The messages between shards and the coordinator: one JSON text frame each, over one WebSocket.
 * An interval carries every series that had samples, trends as HdrHistogram's compressed
 * encoding in base64 (the encoding of latency.hlog's lines). The message types, by direction:
 * shard → coordinator {@code hello, interval, result}; coordinator → shard {@code welcome,
 * refused, start, stop, done}. Documented in docs/distributed.md.
 */
public final class FleetWire {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** The WebSocket path on the coordinator. */
    public static final String PATH = "/fleet";
    /** A {@code stop}'s {@code code} that asks for a stop on purpose (the web UI's): the shard ends "stopped", judged as it would be. */
    public static final int STOP_ON_REQUEST = 0;

    private FleetWire() {}

    public static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** A sampler period of one shard: its sequence number (0, 1, ... since the start) and its series. */
    public static ObjectNode interval(long seq, Interval interval) {
        ObjectNode o = message("interval").put("seq", seq).put("start", interval.startMillis()).put("end", interval.endMillis());
        ArrayNode series = o.putArray("series");
        ByteBuffer buffer = null;
        for (Aggregate a : interval.series()) {
            if (a.count() == 0) continue;
            ObjectNode s = series.addObject().put("m", a.metric().name())
                    .put("k", a.metric().type().name().toLowerCase(Locale.ROOT)).put("ms", a.metric().time());
            ObjectNode tags = s.putObject("tags");
            a.tags().asMap().forEach(tags::put);
            s.put("n", a.count()).put("s", a.sum()).put("lo", a.min()).put("hi", a.max()).put("v", a.last()).put("p", a.passes());
            if (a.histogram() != null) {
                Histogram h = a.histogram();
                int need = h.getNeededByteBufferCapacity();
                if (buffer == null || buffer.capacity() < need) buffer = ByteBuffer.allocate(need);
                buffer.clear();
                int n = h.encodeIntoCompressedByteBuffer(buffer);
                s.put("h", Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), n)));
            }
        }
        return o;
    }

    /** The series of an interval message, as aggregates (trends with their histograms). */
    public static List<Aggregate> series(JsonNode interval) {
        List<Aggregate> out = new ArrayList<>();
        for (JsonNode s : interval.path("series")) {
            MetricType type = MetricType.valueOf(s.path("k").asText().toUpperCase(Locale.ROOT));
            Metric metric = new Metric(s.path("m").asText(), type, s.path("ms").asBoolean());
            Map<String, String> tags = new LinkedHashMap<>();
            s.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            long n = s.path("n").asLong();
            double sum = s.path("s").asDouble();
            Tags t = Tags.of(tags);
            out.add(switch (type) {
                case COUNTER -> Aggregate.counter(metric, t, n, sum);
                case RATE -> Aggregate.rate(metric, t, n, s.path("p").asLong());
                case GAUGE -> Aggregate.gauge(metric, t, n, s.path("v").asDouble(), s.path("lo").asDouble(), s.path("hi").asDouble(),
                        GaugeHistory.EMPTY);
                case TREND -> Aggregate.trend(metric, t, n, sum, s.path("lo").asDouble(), s.path("hi").asDouble(), histogram(s.path("h")));
            });
        }
        return out;
    }

    private static Histogram histogram(JsonNode h) {
        if (!h.isTextual()) return new Histogram(3);
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(h.asText())), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt histogram: " + e.getMessage());
        }
    }

    /**
     * The requests of an interval: the count of its {@code http_req_duration} series, the histograms
     * latency.hlog logs (the {@code http_reqs} counter of a request can fall in the period before).
     */
    public static long requests(List<Aggregate> series) {
        long n = 0;
        for (Aggregate a : series) if (a.metric().name().equals("http_req_duration")) n += a.count();
        return n;
    }
}
