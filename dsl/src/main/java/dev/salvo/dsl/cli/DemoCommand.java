package dev.salvo.dsl.cli;

import dev.salvo.dsl.runner.ExitCodes;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.demo.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code salvo demo}: the embedded demo target, stand-alone, until Ctrl-C. */
@Command(name = "demo", description = "Serve the embedded demo target (until Ctrl-C).",
        footerHeading = "%nExample:%n",
        footer = {"  salvo demo --port 8000 --latency 20 --error-rate 0.01"})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8000")
    int port;

    @Option(names = "--https-port", description = "Port of HTTPS and HTTP/2 (default ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8443")
    int httpsPort;

    @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--latency", paramLabel = "MS", description = "Added to every response except /health, in ms.", defaultValue = "0")
    long latency;

    @Option(names = "--error-rate", paramLabel = "F", description = "Share of requests (0-1) answered with 500.", defaultValue = "0")
    double errorRate;

    @Option(names = "--leak-per-request", paramLabel = "BYTES",
            description = "Keep BYTES per request on purpose (a memory leak to test a growth threshold; at most 1 GiB in all).",
            defaultValue = "0")
    long leakPerRequest;

    @Override
    public Integer call() throws Exception {
        if (errorRate < 0 || errorRate > 1) throw new ParameterException(
                new CommandLine(this), "--error-rate must be between 0 and 1, not " + errorRate);
        if (latency < 0) throw new ParameterException(new CommandLine(this), "--latency must be >= 0");
        DemoOptions options = new DemoOptions(host, port, httpsPort, latency, errorRate, leakPerRequest);
        List<String> problems = options.validate();
        if (!problems.isEmpty()) throw new ParameterException(new CommandLine(this),
                String.join("; ", problems).replace("demo.leakPerRequest", "--leak-per-request")
                        .replace("demo.httpsPort", "--https-port").replace("demo.port", "--port"));
        CountDownLatch stop = new CountDownLatch(1);
        DemoServer started;
        try {
            started = DemoServer.start(options);
        } catch (PortInUseException e) {
            String flag = e.https() ? "--https-port" : "--port";
            throw new ParameterException(new CommandLine(this), flag + " " + e.port() + ": the port is in use on " + host
                    + "; choose another with " + flag + " (0 picks a free one)");
        }
        try (DemoServer server = started) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            System.out.printf("salvo demo target on %s (latency %d ms, error rate %s%s); pid %d; Ctrl-C stops it%n",
                    server.baseUrl(), latency, errorRate, leakPerRequest > 0 ? ", leaking " + leakPerRequest + " bytes per request" : "",
                    ProcessHandle.current().pid());
            System.out.printf("HTTPS and HTTP/2 on %s (self-signed certificate, SHA-256 fingerprint %s)%n",
                    server.httpsUrl(), server.certificate().fingerprint());
            System.out.flush();
            stop.await();
        }
        return ExitCodes.OK;
    }
}
