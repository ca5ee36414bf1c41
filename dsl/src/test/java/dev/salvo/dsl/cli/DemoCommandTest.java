package dev.salvo.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault suite's busy ports: {@code salvo demo} on a port in use is a command-line error naming the flag to change. */
class DemoCommandTest {
    private static Salvo.Result demo(String... args) {
        // Were the port free, the command would serve until stopped: the timeout fails the test instead of hanging it.
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Salvo.run(args));
    }

    @Test
    void aBusyHttpPortIsExit2NamingPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Salvo.Result r = demo("demo", "--port", String.valueOf(port), "--https-port", "0");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("salvo demo: --port " + port + ": the port is in use on 127.0.0.1; choose another with"
                    + " --port (0 picks a free one)"), r.err());
            assertFalse(r.all().contains("internal error") || r.all().contains("Exception"), r.toString());
        }
    }

    @Test
    void aBusyHttpsPortIsExit2NamingHttpsPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Salvo.Result r = demo("demo", "--port", "0", "--https-port", String.valueOf(port));
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("--https-port " + port + ": the port is in use on 127.0.0.1; choose another with"
                    + " --https-port"), r.err());
            assertFalse(r.all().contains("internal error") || r.all().contains("Exception"), r.toString());
        }
    }
}
