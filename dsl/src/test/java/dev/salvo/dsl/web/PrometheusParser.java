package dev.salvo.dsl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Prometheus's own text-format parser (Debian's python3-prometheus-client, installed by .ci/run), run on a /metrics text. */
final class PrometheusParser {
    /** Prints every family as JSON: name → {type, samples: [[name, labels, value]]}; the parser raises on a malformed line. */
    private static final String PARSER = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for f in text_string_to_metric_families(open(sys.argv[1]).read()):
                out[f.name] = {'type': f.type, 'samples': [[s.name, s.labels, s.value] for s in f.samples]}
            print(json.dumps(out))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusParser() {}

    /** The families the parser reads from {@code text} ({@code dir}: where its files go). */
    static JsonNode parse(Path dir, String text) throws Exception {
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path program = dir.resolve("parse.py");
        Files.writeString(program, PARSER);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, program.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(!output.contains("No module named 'prometheus_client'"),
                "Prometheus's parser is missing: apt-get install python3-prometheus-client (.ci/run does)");
        assertEquals(0, p.exitValue(), "the parser refused /metrics:\n" + output + "\n--- the text\n" + text);
        return JSON.readTree(output);
    }

    /** The sum of {@code sample}'s values over every label set in {@code family}. */
    static double sum(JsonNode families, String family, String sample) {
        double total = 0;
        for (JsonNode s : families.path(family).path("samples")) {
            if (s.get(0).asText().equals(sample)) total += s.get(2).asDouble();
        }
        return total;
    }
}
