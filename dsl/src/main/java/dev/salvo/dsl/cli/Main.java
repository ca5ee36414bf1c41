package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;


/** The {@code salvo} command line. */
@Command(name = "salvo", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Load testing with JavaScript scenarios on Netty workers.",
        subcommands = {RunCommand.class, ReplCommand.class, ValidateCommand.class, ConvertCommand.class, CompareCommand.class, MergeCommand.class,
                CoordinateCommand.class, DemoCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  salvo run --demo examples/quickstart.js", "  salvo help run"})
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
        // The native salvo frees Netty's direct buffers through Unsafe, as the JVM distribution does
        // (--sun-misc-unsafe-memory-access=allow): Netty's default on Java 25, a shared Arena, cannot be
        // closed in a native image (ScopedMemoryAccess.closeScope0), and its event loops never end.
        if ("runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
            System.setProperty("io.netty.noUnsafe", System.getProperty("io.netty.noUnsafe", "false"));
        }
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return execute(System.getenv(), args);
    }

    /** Runs a command line with {@code env} as the environment its {@code SALVO_*} flags are read from. */
    public static int execute(Map<String, String> env, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        Usage.apply(cli, System.getenv("COLUMNS"));
        EnvironmentFlags environment = new EnvironmentFlags(env);
        CommandLine run = cli.getSubcommands().get("run");
        run.setDefaultValueProvider(environment);
        ((RunCommand) run.getCommand()).environment = environment;
        cli.setParameterExceptionHandler((ex, a) -> CliErrors.handle(ex, a, ex.getCommandLine() == run ? environment.blame(ex) : null));
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("salvo: internal error: " + ex);
            if (verbose) ex.printStackTrace(c.getErr());
            else c.getErr().println("(run with --verbose for the stack trace)");
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
