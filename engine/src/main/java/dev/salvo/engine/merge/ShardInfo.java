package dev.salvo.engine.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.plan.Plan;
import dev.salvo.engine.exec.Segment;
import dev.salvo.engine.report.SummaryJson;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * summary.json's {@code distributed} field: which segment a result is, of which script (its
 * SHA-256) and of which whole plan, so that {@code salvo merge} can refuse shards that do not
 * belong together and name the difference.
 */
public final class ShardInfo {
    static final ObjectMapper JSON = new ObjectMapper();

    private ShardInfo() {}

    public static ObjectNode describe(Segment segment, Instant startAt, byte[] script, Plan whole) {
        ObjectNode o = JSON.createObjectNode();
        o.put("segment", segment.toString());
        o.put("index", segment.index());
        o.put("count", segment.count());
        if (!segment.equal()) o.put("sequence", segment.sequence());
        if (startAt != null) o.put("startAt", startAt.toString());
        o.put("scriptSha256", sha256(script));
        o.put("vuIdOffset", whole.vuIdOffset(segment));
        o.set("plan", SummaryJson.planTree(whole));
        return o;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
