package dev.salvo.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small forward proxy on loopback: CONNECT tunnels for https, absolute-form requests for plain
 * http (rewritten to origin-form, one request per connection). Records each request line it saw.
 */
final class TestProxy implements AutoCloseable {
    final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    TestProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                String[] hostPort = parts[1].split(":");
                try (Socket origin = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    pipe(client, origin);
                }
                return;
            }
            URI target = URI.create(parts[1]);
            try (Socket origin = new Socket(target.getHost(), target.getPort())) {
                String origin1 = parts[0] + " " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                        + " " + parts[2];
                String rest = head.substring(head.indexOf("\r\n"));
                origin.getOutputStream().write((origin1 + rest).getBytes(StandardCharsets.ISO_8859_1));
                pipe(client, origin);
            }
        } catch (IOException e) {
            // a connection ended: nothing to report
        }
    }

    /** Copies both ways until either side closes. */
    private static void pipe(Socket a, Socket b) throws IOException {
        Thread back = Thread.ofVirtual().start(() -> copy(b, a));
        copy(a, b);
        try {
            back.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side is gone
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; matched < 4 && (c = in.read()) != -1; ) {
            head.write(c);
            matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : c == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
