package dev.salvo.dsl.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace("\033[K", "<clear>").replace("\r", "").replace(System.lineSeparator(), "\n");
    }

    @Test
    void aWarningClearsTheLiveLineAndTheLineIsDrawnAgainBelowIt() {
        LiveLine live = new LiveLine(err, true);
        live.show("[1s / 15s] reqs=10");
        live.println("salvo: warning: generator saturated");
        live.show("[2s / 15s] reqs=20");
        live.clear();
        live.println("after the run");
        assertEquals("<clear>[1s / 15s] reqs=10<clear>salvo: warning: generator saturated\n[1s / 15s] reqs=10"
                + "<clear>[2s / 15s] reqs=20<clear>after the run\n", printed());
    }

    @Test
    void offATerminalEveryLineIsItsOwn() {
        LiveLine live = new LiveLine(err, false);
        live.show("  [  10s] vus=1");
        live.println("salvo: warning: x");
        live.clear();
        assertEquals("  [  10s] vus=1\nsalvo: warning: x\n", printed());
    }
}
