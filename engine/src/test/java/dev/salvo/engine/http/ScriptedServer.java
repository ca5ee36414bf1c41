package dev.salvo.engine.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw loopback server whose n-th connection follows the n-th script, for misbehaviours the demo
 * target never shows (closing mid-response, resetting, dropping a kept-alive connection).
 */
final class ScriptedServer implements AutoCloseable {
    interface Script {
        void run(Conn conn) throws IOException;
    }

    /** One accepted connection, read as lines. */
    static final class Conn {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        /** Reads one request head and skips its Content-Length body; false at end of stream. */
        boolean readRequest() throws IOException {
            return readHead() != null;
        }

        /** The request line and header lines of one request (its body skipped), or null at end of stream. */
        List<String> readHead() throws IOException {
            List<String> lines = new ArrayList<>();
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            int length = 0;
            while (line != null && !line.isEmpty()) {
                lines.add(line);
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
                line = in.readLine();
            }
            in.skip(length);
            return lines;
        }

        void write(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    ScriptedServer(Script... scripts) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                for (Script script : scripts) {
                    Socket socket = server.accept();
                    socket.setSoTimeout(5_000);
                    sockets.add(socket);
                    accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            script.run(new Conn(socket));
                        } catch (IOException e) {
                            // the client went away; the test judges what it saw
                        }
                    });
                }
            } catch (IOException e) {
                // closed by the test
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
