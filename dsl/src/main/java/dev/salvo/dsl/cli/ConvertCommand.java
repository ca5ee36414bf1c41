package dev.salvo.dsl.cli;

import dev.salvo.dsl.host.ErrorFormat;
import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.dsl.script.K6Convert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code salvo convert k6 SCRIPT [-o OUT]}: a k6 script migrated to salvo's native async API (K6Convert), printed
 * or written to OUT, with a warning (file:line) for every place the conversion could not prove right.
 */
@Command(name = "convert",
        description = "Convert a k6 script to salvo's native async API (docs/k6.md).",
        footerHeading = "%nExample:%n",
        footer = {"  salvo convert k6 test.js -o test.salvo.js"})
public final class ConvertCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "FROM", description = "The tool the script is written for: k6.")
    String from;

    @Parameters(index = "1", paramLabel = "SCRIPT", description = "The k6 script.")
    Path script;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Write the converted script here (default: standard output).")
    Path out;

    private final PrintStream stdout = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!"k6".equals(from)) {
            err.println("salvo convert: cannot convert from '" + from + "': salvo converts k6 scripts (salvo convert k6 SCRIPT)");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(script)) {
            err.println("salvo convert: script not found: " + script);
            return ExitCodes.USAGE;
        }
        String text;
        try {
            text = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("salvo convert: cannot read " + script + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path abs = script.toAbsolutePath().normalize();
        String where = ErrorFormat.display(abs.toString());
        K6Convert.Result r = K6Convert.convert(abs.getParent(), abs, text);
        r.warnings().forEach(w -> err.println("salvo convert: warning: " + where + ": " + w));
        if (!r.errors().isEmpty()) {
            r.errors().forEach(e -> err.println("salvo: script error: " + where + ": " + e));
            return ExitCodes.SCRIPT;
        }
        if (out == null) {
            stdout.print(r.text());
            stdout.flush();
            return ExitCodes.OK;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, r.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("salvo convert: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.WRITE_FAILED;
        }
        err.println("salvo convert: wrote " + out + " (" + r.warnings().size() + (r.warnings().size() == 1 ? " warning)" : " warnings)"));
        return ExitCodes.OK;
    }
}
