package dev.salvo.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.engine.exec.ConstantArrivalRate;
import dev.salvo.engine.exec.RampingVus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionLayersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private ConfigFile yaml(String text) throws Exception {
        Path f = dir.resolve("salvo.yaml");
        Files.writeString(f, text);
        return ConfigFile.load(f);
    }

    @Test
    void profileChangesOneScenarioKeyAndTheRestKeepsItsSource() throws Exception {
        ConfigFile config = yaml("defaults:\n  tags: { team: web }\nprofiles:\n  heavy:\n    scenarios:\n      api: { rate: 200 }\n");
        OptionLayers.Resolved r = OptionLayers.resolve(json("{'tags':{'team':'api'},'scenarios':{'api':{'executor':'constant-arrival-rate',"
                + "'rate':5,'duration':'1m','preAllocatedVUs':2}}}"), config, "heavy", Overrides.NONE);
        Plan plan = PlanParser.parse(r.options(), r.overrides());
        ConstantArrivalRate e = (ConstantArrivalRate) plan.scenarios().get(0).executor();
        assertEquals(200, e.rate());
        assertEquals(Duration.ofMinutes(1), e.duration());
        assertEquals("profile heavy (salvo.yaml)", r.sourceOf("scenarios.api.rate"));
        assertEquals("script", r.sourceOf("scenarios.api.duration"));
        assertEquals("script", r.sourceOf("tags.team"), "the script beats the config's defaults");
        assertEquals("api", plan.tags().get("team"));
    }

    @Test
    void locustProfileReplacesTheScriptsLoadShapeAndTheCommandLineBeatsIt() throws Exception {
        ConfigFile config = yaml("profiles:\n  light: { users: 10, spawnRate: 5, runTime: 30s }\n");
        JsonNode script = json("{'vus':50,'duration':'10m','scenarios':{'x':{'executor':'constant-vus','vus':1,'duration':'1s'}}}");
        OptionLayers.Resolved r = OptionLayers.resolve(script, config, "light", Overrides.NONE);
        assertFalse(r.options().has("scenarios") || r.options().has("vus"));
        RampingVus e = (RampingVus) PlanParser.parse(r.options(), r.overrides()).scenarios().get(0).executor();
        assertEquals(10, e.maxVus());
        assertEquals(Duration.ofSeconds(30), e.stages().total());
        OptionLayers.Resolved cli = OptionLayers.resolve(script, config, "light", new Overrides(20, null, null));
        assertEquals(20, cli.overrides().vus());
        assertEquals(OptionLayers.CLI, cli.sourceOf("vus"));
        assertEquals("profile light (salvo.yaml)", cli.sourceOf("spawnRate"));
    }

    @Test
    void unknownProfileListsTheDefinedOnesFromBothPlaces() throws Exception {
        ConfigFile config = yaml("profiles:\n  smoke: { vus: 1 }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OptionLayers.resolve(
                json("{'profiles':{'soak':{'duration':'1h'}}}"), config, "stres", Overrides.NONE));
        assertEquals("--profile: unknown profile 'stres'; defined: smoke, soak", e.problems().get(0));
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> yaml("profiles:\n  a: [1, 2\n  b: 3\n"));
        assertTrue(e.problems().get(0).matches(".*salvo\\.yaml:\\d+:\\d+: malformed YAML: .*"), e.problems().toString());
        ConfigException unknown = assertThrows(ConfigException.class, () -> yaml("profile:\n  a: {}\n"));
        assertTrue(unknown.problems().get(0).contains("profile: unknown key; expected 'defaults' or 'profiles' (did you mean 'profiles'?)"),
                unknown.problems().toString());
    }
}
