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
        vu.resume(handshake, new Object[] {h.status(), h.url(), JsResponse.headersJson(h.headers()), h.subprotocol(), h.error(), h.errorCode()});
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
        vu.resume(error, new Object[] {code, message});
    }

    @Override
    public void onClose(int code, String reason) {
        vu.resume(close, new Object[] {code, reason});
    }

    @HostAccess.Export
    public void send(String message) {
        socket.send(message);
    }

    @HostAccess.Export
    public void sendBinary(Value buffer) {
        socket.sendBinary(Host.body(buffer));
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
