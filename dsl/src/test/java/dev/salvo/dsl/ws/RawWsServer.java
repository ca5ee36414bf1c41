package dev.salvo.dsl.ws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A one-connection WebSocket server on loopback written by hand (RFC 6455 handshake, one unmasked binary frame),
 * for what the demo target never does: a message of tens of megabytes.
 */
final class RawWsServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final ServerSocket server;

    /** Answers the upgrade, sends one binary message of {@code size} bytes (byte i is {@code i % 251}), then waits for the client to close. */
    RawWsServer(int size) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(20_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                String key = null;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) key = line.substring(18).trim();
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                byte[] head = {(byte) 0x82, 127, 0, 0, 0, 0, (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
                out.write(head);
                byte[] payload = new byte[size];
                for (int i = 0; i < size; i++) payload[i] = (byte) (i % 251);
                out.write(payload);
                out.flush();
                while (s.getInputStream().read() >= 0) {
                    // until the client closes
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                // the client went away or the test ended; the test judges what the script saw
            }
        }, "raw-ws-server");
        t.setDaemon(true);
        t.start();
    }

    private static String accept(String key) throws NoSuchAlgorithmException {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(sha1);
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/big";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
