package dev.salvo.engine.demo.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.JsonNode;


/**
 * The demo's items, seeded with 100. Created items are capped so a long load test cannot grow the
 * heap without bound: beyond the cap the oldest created item is forgotten. Stored nodes are never
 * mutated after insertion, so concurrent readers can serialise them.
 */
final class ItemStore {
    static final int SEEDED = 100;
    static final int MAX_CREATED = 10_000;

    private final ConcurrentSkipListMap<Long, ObjectNode> items = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(SEEDED + 1);

    ItemStore() {
        for (long id = 1; id <= SEEDED; id++) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            item.put("id", id);
            item.put("name", "Item " + id);
            item.put("price", (id * 37 % 1000) / 10.0 + 0.99);
            items.put(id, item);
        }
    }

    ObjectNode get(long id) {
        return items.get(id);
    }

    /** Page {@code page} (from 1) of {@code size} items in id order. */
    List<ObjectNode> page(int page, int size) {
        return items.values().stream().skip((long) (page - 1) * size).limit(size).toList();
    }

    /** Stores a copy of {@code fields} under a new id and returns it. */
    ObjectNode create(ObjectNode fields) {
        long id = nextId.getAndIncrement();
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", id);
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            if (!e.getKey().equals("id")) {
                item.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        items.put(id, item);
        long oldest = id - MAX_CREATED;
        if (oldest > SEEDED) {
            items.remove(oldest);
        }
        return item;
    }
}
