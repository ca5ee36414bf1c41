package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.time.ZoneId;
import java.util.Arrays;


/** The {@code salvo} command line. */
@Command(name = "salvo", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Load testing with JavaScript scenarios on Netty workers.",
        subcommands = {RunCommand.class, ReplCommand.class, ValidateCommand.class, CompareCommand.class, MergeCommand.class,
                CoordinateCommand.class, DemoCommand.class, VersionCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // The time-zone rules are read from a file on first use, by the first log line among others: at
        // the open-files limit (thousands of VUs opening connections) that read fails and the class
        // can never initialise, so the event loop that logged dies. Read them while files can be opened.
        ZoneId.systemDefault().getRules();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("salvo " + c.getCommandName() + ": " + ex.getMessage());
            c.getErr().println("Try 'salvo " + (c.getCommandName().equals("salvo") ? "" : c.getCommandName() + " ") + "--help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("salvo: internal error: " + ex);
            if (verbose) ex.printStackTrace(c.getErr());
            else c.getErr().println("(run with --verbose for the stack trace)");
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
