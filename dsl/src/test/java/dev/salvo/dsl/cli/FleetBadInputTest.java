package dev.salvo.dsl.cli;

import static dev.salvo.dsl.Salvo.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.dsl.Salvo;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code salvo coordinate} and {@code salvo run --coordinator} say for bad flags, and a coordinator that is not there. */
class FleetBadInputTest {
    @TempDir Path dir;

    private String noop() throws Exception {
        return script(dir, "noop.js", "export default function () {}\n");
    }

    @Test
    void aCoordinatorBeyondLoopbackNeedsAToken() throws Exception {
        Salvo.Result r = Salvo.run("coordinate", noop(), "--shards", "3", "--host", "0.0.0.0", "--port", "0", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--host 0.0.0.0 listens beyond this machine: give a shared --token"), r.toString());
    }

    @Test
    void badCoordinateFlagsExit2EachNamed() throws Exception {
        Salvo.Result r = Salvo.run("coordinate", noop(), "--shards", "0", "--port", "70000", "--start-at", "soon", "--out", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--shards must be at least 1"), r.toString());
        assertTrue(r.err().contains("--port must be from 0 to 65535"), r.toString());
        assertTrue(r.err().contains("--start-at must be an RFC 3339 time"), r.toString());
    }

    @Test
    void badWebFlagsOfTheCoordinatorExit2AsSalvoRunsDo() throws Exception {
        Salvo.Result r = Salvo.run("coordinate", noop(), "--shards", "2", "--port", "0", "--web", "--web-port", "70000", "--metrics-port", "-1",
                "--web-auth", "nopassword", "--out", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--web-port must be a port from 0 to 65535, not 70000"), r.toString());
        assertTrue(r.err().contains("--metrics-port must be a port from 0 to 65535, not -1"), r.toString());
        assertTrue(r.err().contains("--web-auth must be USER:PASS, not 'nopassword'"), r.toString());
        Salvo.Result autostart = Salvo.run("coordinate", noop(), "--shards", "2", "--port", "0", "--web", "--autostart", "--out", dir.toString());
        assertEquals(2, autostart.exit(), "the fleet starts with its shards: " + autostart);
        assertTrue(autostart.err().contains("--autostart"), autostart.toString());
    }

    @Test
    void aTakenWebPortIsAUsageErrorNamingTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Salvo.Result r = Salvo.run("coordinate", noop(), "--shards", "2", "--port", "0", "--web", "--web-port",
                    String.valueOf(taken.getLocalPort()), "--out", dir.toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("--web-port: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.toString());
            assertTrue(!r.err().contains("Exception"), "no stack trace: " + r);
        }
    }

    @Test
    void runWithACoordinatorNeedsASegmentAnOutAndAWebSocketUrl() throws Exception {
        Salvo.Result noSegment = Salvo.run("run", "--coordinator", "ws://127.0.0.1:1", "--out", dir.toString(), noop());
        assertEquals(2, noSegment.exit(), noSegment.toString());
        assertTrue(noSegment.err().contains("--coordinator needs --segment I/N"), noSegment.toString());
        Salvo.Result noOut = Salvo.run("run", "--segment", "0/2", "--coordinator", "ws://127.0.0.1:1", noop());
        assertEquals(2, noOut.exit(), noOut.toString());
        assertTrue(noOut.err().contains("--coordinator needs --out DIR"), noOut.toString());
        Salvo.Result badUrl = Salvo.run("run", "--segment", "0/2", "--coordinator", "coordinator:7000", "--out", dir.toString(), noop());
        assertEquals(2, badUrl.exit(), badUrl.toString());
        assertTrue(badUrl.err().contains("--coordinator must be a URL such as ws://coordinator:7000"), badUrl.toString());
    }

    @Test
    void aShardThatCannotReachItsCoordinatorRunsOnAloneAndWritesItsResults() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String plan = script(dir, "plan.js", """
                import http from 'salvo/http';
                import { env } from 'salvo';
                export const options = { iterations: 4, vus: 2 };
                export default async function () { await http.get(`${env.BASE_URL}/health`); }
                """);
        try (DemoServer demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, 0, 0))) {
            Salvo.Result r = Salvo.run("run", "-q", "--segment", "0/2", "--coordinator", "ws://127.0.0.1:" + closed, "-e",
                    "BASE_URL=" + demo.baseUrl(), "--out", dir.resolve("alone").toString(), plan);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().contains("cannot be reached") && r.err().contains("segment 0/2 runs on alone"), r.toString());
        }
        assertTrue(Files.readString(dir.resolve("alone/summary.json")).contains("\"0/2\""));
    }
}
