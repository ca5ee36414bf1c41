package dev.salvo.engine.fleet;

import dev.salvo.engine.merge.ShardMerge;
import dev.salvo.engine.metrics.Aggregate;
import dev.salvo.engine.metrics.Interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One second of the fleet: the intervals the shards reported under one sequence number, summed
 * series by series as {@code salvo merge} sums shards (VU gauges add up), for the web UI's
 * {@link dev.salvo.engine.live.LiveStats}. A shard's late interval joins the next second: its
 * intervals there add up among themselves first (a gauge keeps the later value), so its VUs count once.
 * One thread only (the coordinator's event loop).
 */
final class FleetSecond {
    private final Map<Integer, Map<String, Aggregate>> byShard = new TreeMap<>();
    private long end = Long.MIN_VALUE;
    private long millis;
    private int parts;

    void add(int shard, long startMillis, long endMillis, List<Aggregate> interval) {
        end = Math.max(end, endMillis);
        millis += Math.max(0, endMillis - startMillis);
        parts++;
        Map<String, Aggregate> series = byShard.computeIfAbsent(shard, k -> new LinkedHashMap<>());
        for (Aggregate a : interval) series.merge(a.metric().name() + " " + a.tags(), a, Aggregate::merge);
    }

    /**
     * The second as one interval: it ends with the latest shard's and lasts as long as the shards' did
     * on average (their clocks tick apart, so the union of their periods would be longer than a second).
     */
    Interval interval() {
        long length = parts == 0 ? 1000 : Math.max(1, millis / parts);
        Map<String, Aggregate> fleet = new LinkedHashMap<>();
        for (Map<String, Aggregate> shard : byShard.values()) shard.forEach((k, a) -> fleet.merge(k, a, ShardMerge::add));
        return new Interval(end - length, end, List.copyOf(fleet.values()));
    }
}
