package dev.salvo.dsl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code salvo} command line. */
@Command(name = "salvo", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Load testing with JavaScript scenarios on Netty workers.",
        subcommands = {VersionCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
