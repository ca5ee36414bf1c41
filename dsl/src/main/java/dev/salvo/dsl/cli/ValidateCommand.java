package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.runner.Prepared;
import dev.salvo.dsl.host.HostContext;
import dev.salvo.dsl.script.JsScript;
import dev.salvo.dsl.script.ScriptError;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.plan.Overrides;
import dev.salvo.engine.plan.PlanException;
import dev.salvo.engine.plan.Scenario;
import dev.salvo.engine.thresholds.Threshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.salvo.engine.plan.ConfigException;


/** {@code salvo validate SCRIPT}: loads the script, checks options, scenarios and thresholds; runs nothing. */
@Command(name = "validate",
        description = "Check a script's syntax, options, scenarios and thresholds without running it.",
        footerHeading = "%nExample:%n",
        footer = {"  salvo validate test.js --profile smoke"})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The scenario script (an ES module).")
    Path script;

    @picocli.CommandLine.Option(names = "--profile", paramLabel = "NAME", description = "Validate with this profile applied.")
    String profile;

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", description = "The config file (default: salvo.yaml beside the script).")
    Path config;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (config != null && !Files.isRegularFile(config)) {
            err.println("salvo validate: config file not found: " + config);
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(script)) {
            err.println("salvo validate: script not found: " + script);
            return ExitCodes.USAGE;
        }
        try (JsScript js = JsScript.open(script)) {
            HostContext host = new HostContext(Prepared.envJson(Map.of()), false, new Metrics(), m -> {}, m -> {});
            Prepared p = Prepared.prepare(js, host, Overrides.NONE, Map.of(), new Prepared.Layers(config, profile));
            p.warnings().forEach(w -> err.println("salvo: warning: " + w));
            out.println(script + ": OK");
            for (Scenario s : p.plan().scenarios()) {
                out.println("  scenario " + s.name() + ": " + s.executor().type() + " " + s.executor().parameters()
                        + (s.exec().equals("default") ? "" : " exec=" + s.exec()));
            }
            for (Threshold t : p.thresholds()) {
                out.println("  threshold " + t.selector().text() + ": " + t.condition().text() + (t.abortOnFail() ? " (abortOnFail)" : ""));
            }
            return ExitCodes.OK;
        } catch (ScriptError e) {
            err.println("salvo: script error: " + e.getMessage());
            return ExitCodes.SCRIPT;
        } catch (ConfigException e) {
            err.println("salvo validate: bad configuration:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.USAGE;
        } catch (PlanException e) {
            err.println("salvo: invalid options in " + script + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.SCRIPT;
        }
    }
}
