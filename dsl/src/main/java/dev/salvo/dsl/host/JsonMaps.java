package dev.salvo.dsl.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;


/** Small JSON helpers for values that cross from JavaScript as JSON text. */
final class JsonMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonMaps() {}

    /** JSON text as a tree. */
    static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** A JSON object as a map of strings (non-string values as their JSON text). */
    static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.fields().forEachRemaining(e -> out.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } catch (Exception e) {
            // not an object: no tags
        }
        return out;
    }
}
