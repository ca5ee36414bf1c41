package dev.salvo.engine.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one demo target (free ports on 127.0.0.1) for all tests of the class: {@link #demo}. */
public abstract class DemoTargetTest {
    protected static DemoServer demo;

    @BeforeAll
    static void startDemo() throws InterruptedException {
        demo = DemoServer.start(DemoOptions.defaults());
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }
}
