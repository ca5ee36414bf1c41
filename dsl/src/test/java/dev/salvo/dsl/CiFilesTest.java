package dev.salvo.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CI files users copy: docs/ci.md's GitHub Actions example is byte for byte
 * examples/ci/github-actions.yml, and the compose and GitLab files parse and keep their promises.
 * (The workflows themselves are checked by actionlint in .ci/run.)
 */
class CiFilesTest {
    private static final Path ROOT = ExamplesTest.repositoryRoot();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MARKER = "<!-- examples/ci/github-actions.yml -->\n```yaml\n";

    @Test
    void docsCiMdShowsExactlyTheGithubActionsExample() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/ci.md"));
        int start = doc.indexOf(MARKER);
        assertTrue(start >= 0, "docs/ci.md has no block after " + MARKER.strip());
        start += MARKER.length();
        int end = doc.indexOf("\n```\n", start);
        assertTrue(end > start, "the block in docs/ci.md is not closed");
        String example = Files.readString(ROOT.resolve("examples/ci/github-actions.yml"));
        assertEquals(example, doc.substring(start, end + 1), "docs/ci.md and examples/ci/github-actions.yml differ: copy one onto the other");
    }

    @Test
    void theGithubActionsExampleHasEveryTriggerTheDocsPromise() throws Exception {
        JsonNode on = YAML.readTree(ROOT.resolve("examples/ci/github-actions.yml").toFile()).path("on");
        for (String trigger : new String[] {"push", "pull_request", "workflow_dispatch", "schedule"}) {
            assertTrue(on.has(trigger), "missing trigger " + trigger);
        }
        assertTrue(on.path("workflow_dispatch").path("inputs").has("profile"));
    }

    @Test
    void composeStartsSalvoOnlyOnceTheTargetIsHealthyAndKeepsResultsInAVolume() throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("examples/ci/docker-compose.yml").toFile());
        JsonNode services = compose.path("services");
        assertTrue(services.path("target").path("healthcheck").has("test"));
        assertEquals("service_healthy", services.path("salvo").path("depends_on").path("target").path("condition").asText());
        assertTrue(services.path("salvo").path("volumes").toString().contains("results:/results"));
        assertTrue(compose.path("volumes").has("results"));
    }

    @Test
    void theGitlabJobKeepsResultsAlwaysAndReportsJunit() throws Exception {
        JsonNode job = YAML.readTree(ROOT.resolve("examples/ci/gitlab-ci.yml").toFile()).path("load-test");
        assertTrue(job.path("script").get(0).asText().startsWith("salvo run "));
        assertEquals("always", job.path("artifacts").path("when").asText());
        assertEquals("results/junit.xml", job.path("artifacts").path("reports").path("junit").asText());
    }
}
