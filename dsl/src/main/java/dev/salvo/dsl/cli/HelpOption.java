package dev.salvo.dsl.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand: picocli's standard help options would also add {@code -V, --version}. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
