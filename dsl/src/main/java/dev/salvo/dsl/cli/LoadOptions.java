package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.runner.RunSettings;
import dev.salvo.engine.plan.Overrides;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code salvo run}'s flags that shape the load and what the script sees (DESIGN §4, §5). */
final class LoadOptions {
    @Option(names = {"-u", "--vus", "--users"}, paramLabel = "N", description = "Number of VUs (replaces the script's scenarios).")
    Integer vus;

    @Option(names = {"-t", "--duration", "--run-time"}, paramLabel = "DUR", converter = DurationConverter.class,
            description = "Test duration, e.g. 30s, 5m, 1h30m (replaces the script's scenarios).")
    Duration duration;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "R",
            description = "With -u and -t: start R users per second up to N, hold until T (Locust's model; ramping-vus).")
    Double spawnRate;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Total iterations, shared by the VUs (replaces the script's scenarios).")
    Integer iterations;

    @Option(names = "--profile", paramLabel = "NAME", description = "Apply a named profile from salvo.yaml or options.profiles.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "The config file with defaults and profiles (default: salvo.yaml beside the script).")
    Path config;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set env.K for the script (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--tag", paramLabel = "K=V", description = "Add a tag to every sample of the run (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--scenario", paramLabel = "NAME[,NAME...]", split = ",",
            description = "Run only these scenarios of the script, or these users (exported functions) of a user()-style script.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--host", paramLabel = "URL", description = "The target's base URL: sets env.BASE_URL (Locust's --host).")
    String host;

    /** Every problem with these flags, checked before the script loads. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (vus != null && vus < 1) problems.add("--vus must be at least 1, not " + vus);
        if (iterations != null && iterations < 1) problems.add("--iterations must be at least 1, not " + iterations);
        if (spawnRate != null && !(spawnRate > 0)) problems.add("--spawn-rate must be > 0, not " + spawnRate);
        if (config != null && !Files.isRegularFile(config)) problems.add("config file not found: " + config);
        if (host != null && !host.matches("https?://[^\\s/]+(/\\S*)?")) problems.add("--host must be an http:// or https:// URL, not '" + host + "'");
        return problems;
    }

    /** {@code fromEnvironment}: the flags a SALVO_* variable set (for --print-plan). */
    RunSettings.Inputs inputs(Map<String, String> fromEnvironment) {
        Map<String, String> vars = new LinkedHashMap<>();
        // --host is BASE_URL unless -e sets it; without its trailing slash, as scripts write `${env.BASE_URL}/path`
        if (host != null) vars.put("BASE_URL", host.replaceFirst("/+$", ""));
        vars.putAll(env);
        return new RunSettings.Inputs(new Overrides(vus, duration, iterations, spawnRate), tags, vars, new Prepared.Layers(config, profile),
                List.copyOf(scenarios), fromEnvironment);
    }
}
