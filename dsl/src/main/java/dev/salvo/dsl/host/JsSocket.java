package dev.salvo.dsl.host;

import dev.salvo.engine.ws.WsHandshake;
import dev.salvo.engine.ws.WsListener;
import dev.salvo.engine.ws.WsSocket;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import java.nio.ByteBuffer;

/**
 * One socket as salvo/ws's {@code Socket} sees it: its methods delegate to the engine's socket, and
 * the engine's events are handed to the module's handlers as the socket's VU.
 */
public final class JsSocket implements WsListener {
    private final VuState vu;
    private final Value handshake;
    private final Value text;
    private final Value binary;
    private final Value ping;
    private final Value pong;
    private final Value error;
    private final Value close;
    WsSocket socket;

    JsSocket(VuState vu, Value events) {
        this.vu = vu;
        this.handshake = events.getMember("handshake");
        this.text = events.getMember("text");
        this.binary = events.getMember("binary");
        this.ping = events.getMember("ping");
        this.pong = events.getMember("pong");
        this.error = events.getMember("error");
        this.close = events.getMember("close");
    }

    @Override
    public void onHandshake(WsHandshake h) {
        vu.resume(handshake, new JsHandshake(h));
    }

    @Override
    public void onText(String message) {
        vu.resume(text, message);
    }

    /** The bytes go to JavaScript as a ByteBuffer the module wraps in an ArrayBuffer: no copy, whatever the size. */
    @Override
    public void onBinary(byte[] data) {
        vu.resume(binary, ByteBuffer.wrap(data));
    }

    @Override
    public void onPing() {
        vu.resume(ping, null);
    }

    @Override
    public void onPong() {
        vu.resume(pong, null);
    }

    @Override
    public void onError(int code, String message) {
        vu.resume(error, new Event(code, message));
    }

    @Override
    public void onClose(int code, String reason) {
        vu.resume(close, new Event(code, reason));
    }

    /** The handshake's outcome, by name, for the module's response object. */
    public record JsHandshake(WsHandshake h) {
        @HostAccess.Export
        public int status() {
            return h.status();
        }

        @HostAccess.Export
        public String url() {
            return h.url();
        }

        @HostAccess.Export
        public String headersJson() {
            return JsResponse.headersJson(h.headers());
        }

        @HostAccess.Export
        public String protocol() {
            return h.subprotocol();
        }

        @HostAccess.Export
        public String error() {
            return h.error();
        }

        @HostAccess.Export
        public int errorCode() {
            return h.errorCode();
        }
    }

    /** An error ({@code code} one of the ws_errors codes) or a close ({@code code} the close code, {@code text} the reason). */
    public record Event(int code, String text) {
        @Override
        @HostAccess.Export
        public int code() {
            return code;
        }

        @Override
        @HostAccess.Export
        public String text() {
            return text;
        }
    }

    @HostAccess.Export
    public void send(String message) {
        socket.send(message);
    }

    @HostAccess.Export
    public void sendBinary(Value buffer) {
        socket.sendBinary(JsValues.body(buffer));
    }

    @HostAccess.Export
    public void ping() {
        socket.ping();
    }

    @HostAccess.Export
    public void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** A handler of this socket threw: counted, and the socket closes with 1011. */
    @HostAccess.Export
    public void fail() {
        socket.fail();
    }
}
