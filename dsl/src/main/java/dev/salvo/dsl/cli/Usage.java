package dev.salvo.dsl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How salvo's help reads: as wide as the terminal, {@code --flag VALUE} (not {@code --flag=VALUE}),
 * the options of a command in groups (load, output, thresholds and baseline, distribution,
 * execution, diagnostics), each command's examples and the exit codes in its footer.
 */
final class Usage {
    /** The groups, in order, with the long names of their options; options of no group are listed under "Execution". */
    static final Map<String, List<String>> GROUPS = groups();
    private static final String OTHER = "Execution";
    private static final int MIN_WIDTH = 60;
    private static final int MAX_WIDTH = 200;

    private Usage() {}

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Load", List.of("--vus", "--duration", "--spawn-rate", "--iterations", "--scenario", "--profile", "--config", "--env",
                "--tag", "--warmup"));
        g.put("Output", List.of("--out", "--csv", "--csv-full-history", "--html", "--json", "--junit", "--summary-md", "--md",
                "--summary-trend-stats", "--quiet", "--no-progress", "--progress-interval"));
        g.put("Thresholds and baseline", List.of("--baseline", "--max-regression", "--min-samples", "--fail-on-regression",
                "--compare-md", "--compare-json", "--save-baseline", "--exit-code-on-error"));
        g.put("Distribution", List.of("--segment", "--segment-sequence", "--start-at", "--coordinator", "--allow-partial"));
        g.put(OTHER, List.of());
        g.put("Diagnostics", List.of("--print-plan", "--verbose", "--help"));
        return g;
    }

    /** Applies the layout to {@code cli} and its subcommands; {@code columns} is $COLUMNS (may be null). */
    static void apply(CommandLine cli, String columns) {
        Integer width = width(columns);
        if (width != null) cli.setUsageHelpWidth(width);
        else cli.setUsageHelpAutoWidth(true);
        cli.setUsageHelpLongOptionsMaxWidth(30);
        cli.setSeparator(" ");
        for (CommandLine c : all(cli)) {
            if (c.getCommandSpec().options().size() > 8) c.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, Usage::grouped);
        }
    }

    /** The width $COLUMNS asks for, within bounds; null when it is unset or not a number. */
    static Integer width(String columns) {
        if (columns == null || columns.isBlank()) return null;
        try {
            return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Integer.parseInt(columns.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<CommandLine> all(CommandLine cli) {
        List<CommandLine> out = new ArrayList<>(List.of(cli));
        cli.getSubcommands().values().forEach(c -> out.addAll(all(c)));
        return out;
    }

    /** The option list in groups, each with a heading, in {@link #GROUPS}' order. */
    static String grouped(Help help) {
        Map<String, List<OptionSpec>> byGroup = new LinkedHashMap<>();
        GROUPS.keySet().forEach(k -> byGroup.put(k, new ArrayList<>()));
        for (OptionSpec o : help.commandSpec().options()) {
            if (o.hidden()) continue;
            byGroup.get(group(o)).add(o);
        }
        StringBuilder b = new StringBuilder();
        byGroup.forEach((name, options) -> {
            if (options.isEmpty()) return;
            Help.Layout layout = help.createDefaultLayout();
            for (OptionSpec o : options) layout.addOption(o, help.parameterLabelRenderer());
            b.append(String.format("%n%s:%n", name)).append(layout);
        });
        return b.toString();
    }

    static String group(OptionSpec o) {
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            for (String name : o.names()) if (g.getValue().contains(name)) return g.getKey();
        }
        return o.usageHelp() || o.versionHelp() ? "Diagnostics" : OTHER;
    }
}
