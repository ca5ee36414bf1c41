package dev.salvo.dsl.cli;

import dev.salvo.engine.Version;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code salvo version}: salvo's version, the JVM and which JavaScript runtime is active. */
@Command(name = "version", description = "Print the version and the active JavaScript runtime.")
public final class VersionCommand implements Runnable, IVersionProvider {

    @Override
    public void run() {
        for (String line : getVersion()) System.out.println(line);
    }

    @Override
    public String[] getVersion() {
        String runtime;
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            // the engine says "Development Build" for Maven Central's jars; their manifest has the release
            String version = Engine.class.getPackage().getImplementationVersion();
            runtime = engine.getImplementationName() + " (GraalJS " + (version != null ? version : engine.getVersion()) + ")";
        }
        return new String[] {
            "salvo " + Version.get(),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "javascript " + runtime,
        };
    }
}
