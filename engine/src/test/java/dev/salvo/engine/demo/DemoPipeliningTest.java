package dev.salvo.engine.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoPipeliningTest {

    @Test
    void pipelinedRepliesKeepRequestOrderEvenWhenDelayed() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults());
                Socket socket = new Socket("127.0.0.1", demo.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /delay?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int delayed = all.indexOf("{\"delayed\":200}");
            int health = all.indexOf("{\"status\":\"ok\"}");
            assertTrue(delayed >= 0 && health > delayed, all);
        }
    }
}
