package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/kubernetes: the Indexed Job's fields, and its pod command line run as Kubernetes would
 * expand it (every segment's index, one start time), then the merge Job's command line over the results.
 */
class KubernetesExampleTest {
    private static final Path DIR = ExamplesTest.repositoryRoot().resolve("examples/kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir Path tmp;

    private static JsonNode yaml(String name) throws Exception {
        return YAML.readTree(DIR.resolve(name).toFile());
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : container.path("env")) out.put(e.path("name").asText(), e.path("value").asText());
        return out;
    }

    @Test
    void loadJobIsAnIndexedJobWithOneSegmentPerPodAndABarrier() throws Exception {
        JsonNode job = yaml("load-job.yaml");
        assertEquals("Job", job.path("kind").asText());
        assertEquals("batch/v1", job.path("apiVersion").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        JsonNode container = spec.path("template").path("spec").path("containers").get(0);
        int segments = Integer.parseInt(env(container).get("SEGMENTS"));
        assertEquals(segments, spec.path("parallelism").asInt());
        assertEquals(segments, spec.path("completions").asInt());
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertEquals("$(JOB_COMPLETION_INDEX)/$(SEGMENTS)", args.get(args.indexOf("--segment") + 1));
        assertEquals("$(START_AT)", args.get(args.indexOf("--start-at") + 1));
        assertTrue(args.get(args.indexOf("--out") + 1).endsWith("/$(JOB_COMPLETION_INDEX)"), args.toString());
        JsonNode volumes = spec.path("template").path("spec").path("volumes");
        assertEquals("salvo-script", volumes.get(0).path("configMap").path("name").asText());
        assertEquals("salvo-results", volumes.get(1).path("persistentVolumeClaim").path("claimName").asText());
        assertEquals("salvo-results", yaml("results-pvc.yaml").path("metadata").path("name").asText());

        JsonNode merge = yaml("merge-job.yaml").path("spec").path("template").path("spec").path("containers").get(0);
        List<String> margs = new ArrayList<>();
        merge.path("args").forEach(a -> margs.add(a.asText()));
        assertEquals("merge", margs.get(0));
        for (int i = 0; i < segments; i++) assertTrue(margs.contains("/results/$(RUN_ID)/" + i), margs.toString());
    }

    /** Kubernetes' $(VAR) expansion of a container's args. */
    private static List<String> expand(JsonNode container, Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        Pattern ref = Pattern.compile("\\$\\((\\w+)\\)");
        for (JsonNode a : container.path("args")) {
            Matcher m = ref.matcher(a.asText());
            out.add(m.replaceAll(r -> Matcher.quoteReplacement(vars.getOrDefault(r.group(1), r.group()))));
        }
        return out;
    }

    @Test
    void thePodsCommandLinesRunEverySegmentAndTheMergeJobCombinesThem() throws Exception {
        JsonNode load = yaml("load-job.yaml").path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode merge = yaml("merge-job.yaml").path("spec").path("template").path("spec").path("containers").get(0);
        Path results = tmp.resolve("results");
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            Map<String, String> vars = new HashMap<>(env(load));
            vars.put("START_AT", Instant.now().toString());
            vars.put("RUN_ID", "run-1");
            vars.put("TARGET_URL", demo.baseUrl());
            int segments = Integer.parseInt(vars.get("SEGMENTS"));
            for (int i = 0; i < segments; i++) {
                vars.put("JOB_COMPLETION_INDEX", Integer.toString(i));
                List<String> args = new ArrayList<>();
                for (String a : expand(load, vars)) {
                    args.add(a.replace("/scripts/", DIR + "/").replace("/results/", results + "/"));
                }
                args.addAll(List.of("-q", "-e", "DURATION=1s", "-e", "RATE=40"));
                Salvo.Result r = Salvo.run(args.toArray(String[]::new));
                assertEquals(0, r.exit(), r.toString());
            }
        }
        List<String> margs = new ArrayList<>();
        for (String a : expand(merge, Map.of("RUN_ID", "run-1"))) margs.add(a.replace("/results/", results + "/"));
        margs.add("-q");
        Salvo.Result r = Salvo.run(margs.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        JsonNode summary = new ObjectMapper().readTree(results.resolve("run-1/merged/summary.json").toFile());
        assertEquals(segments(summary), summary.path("merged").path("shards").size());
        assertEquals(2, summary.path("thresholds").size(), "the script's thresholds, evaluated once");
        assertTrue(summary.path("run").path("iterationsCompleted").asLong() >= 30, summary.path("run").toString());
    }

    private static int segments(JsonNode summary) {
        return summary.path("merged").path("segments").asInt();
    }
}
