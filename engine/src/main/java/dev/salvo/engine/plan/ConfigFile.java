package dev.salvo.engine.plan;

import dev.salvo.engine.config.Suggest;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code salvo.yaml}: {@code defaults} (options every script run with it gets, under the script's
 * own) and named {@code profiles} (options over the script's, e.g. smoke / light / heavy).
 */
public record ConfigFile(Path file, ObjectNode defaults, Map<String, ObjectNode> profiles) {
    public static final String FILE_NAME = "salvo.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The config beside the script, or null when there is none. */
    public static Path besideScript(Path script) {
        Path dir = script.toAbsolutePath().getParent();
        Path f = dir == null ? null : dir.resolve(FILE_NAME);
        return f != null && Files.isRegularFile(f) ? f : null;
    }

    /** @throws ConfigException naming {@code file:line} for malformed YAML, and every structural problem */
    public static ConfigFile load(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
            throw new ConfigException(List.of(where + ": malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        if (!root.isObject()) throw new ConfigException(List.of(file + ": must be a mapping with 'defaults' and 'profiles', not " + root.getNodeType()));
        ObjectNode defaults = YAML.createObjectNode();
        Map<String, ObjectNode> profiles = new LinkedHashMap<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "defaults" -> {
                    if (e.getValue().isObject()) defaults = (ObjectNode) e.getValue();
                    else problems.add(file + ": defaults: must be a mapping of options");
                }
                case "profiles" -> {
                    if (!e.getValue().isObject()) {
                        problems.add(file + ": profiles: must be a mapping of profile names to options");
                        continue;
                    }
                    for (var p = e.getValue().fields(); p.hasNext(); ) {
                        var profile = p.next();
                        if (profile.getValue().isObject()) profiles.put(profile.getKey(), (ObjectNode) profile.getValue());
                        else problems.add(file + ": profiles." + profile.getKey() + ": must be a mapping of options");
                    }
                }
                default -> {
                    String hint = Suggest.closest(e.getKey(), List.of("defaults", "profiles"));
                    problems.add(file + ": " + e.getKey() + ": unknown key; expected 'defaults' or 'profiles'"
                            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                }
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new ConfigFile(file, defaults, profiles);
    }
}
