package dev.salvo.engine.ws.internal;

import dev.salvo.engine.metrics.MetricType;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import dev.salvo.engine.ws.WsHandshake;
import dev.salvo.engine.ws.WsListener;
import dev.salvo.engine.ws.WsParams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The socket's handler in an EmbeddedChannel: the server's bytes in, the client's frames out, no sockets. */
class WsConnectionTest {
    private static final int MAX = 64;
    private final Metrics metrics = new Metrics();
    private final List<String> events = new ArrayList<>();
    private EmbeddedChannel ch;
    private WsConnection connection;

    @BeforeEach
    void open() throws Exception {
        WsParams p = WsParams.of("ws://localhost/chat");
        p = new WsParams(p.url(), p.headers(), p.subprotocols(), false, p.timeout(), MAX, Map.of(), null);
        WsListener listener = new WsListener() {
            @Override
            public void onHandshake(WsHandshake h) {
                events.add("handshake:" + h.status() + (h.error() == null ? "" : h.error()));
            }

            @Override
            public void onText(String text) {
                events.add("text:" + text);
            }

            @Override
            public void onPing() {
                events.add("ping");
            }

            @Override
            public void onError(int code, String message) {
                events.add("error:" + code);
            }

            @Override
            public void onClose(int code, String reason) {
                events.add("close:" + code);
            }
        };
        connection = new WsConnection(p, listener, new WsRecorder(metrics, Tags.EMPTY, Tags.of("name", "chat")),
                WebSocketClientHandshakerFactory.newHandshaker(p.url(), WebSocketVersion.V13, null, true,
                        new DefaultHttpHeaders(), MAX, true, false, -1), c -> events.add("forgotten"));
        // As WsClientInitializer does: attach once registered, before the channel is active.
        ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                connection.attach(c);
                c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketFrameAggregator(MAX), connection);
            }
        });
        String request = outbound().toString(StandardCharsets.US_ASCII);
        Matcher key = Pattern.compile("(?i)sec-websocket-key: (\\S+)").matcher(request);
        assertTrue(key.find(), request);
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        ch.writeInbound(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n"));
        assertEquals(List.of("handshake:101"), events);
        assertTrue(connection.open());
    }

    private ByteBuf outbound() {
        ByteBuf out = Unpooled.buffer();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            out.writeBytes(b);
            b.release();
        }
        return out;
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** A server frame: unmasked, payload shorter than 126 bytes. */
    private static ByteBuf frame(int firstByte, byte[] payload) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(firstByte).writeByte(payload.length).writeBytes(payload);
        return b;
    }

    /** The client's frames written so far: opcode and unmasked payload of each. */
    private List<int[]> clientFrames() {
        ByteBuf out = outbound();
        List<int[]> frames = new ArrayList<>();
        while (out.isReadable()) {
            int opcode = out.readByte() & 0x0F;
            int len = out.readByte() & 0x7F;
            byte[] mask = new byte[4];
            out.readBytes(mask);
            int[] frame = new int[len + 1];
            frame[0] = opcode;
            for (int i = 0; i < len; i++) frame[i + 1] = (out.readByte() ^ mask[i % 4]) & 0xFF;
            frames.add(frame);
        }
        return frames;
    }

    private static int closeCode(int[] frame) {
        return frame[1] << 8 | frame[2];
    }

    private double count(String metric, String errorCode) {
        return metrics.aggregates().stream().filter(a -> a.metric().name().equals(metric))
                .filter(a -> errorCode == null || errorCode.equals(a.tags().get("error_code")))
                .mapToDouble(a -> a.metric().type() == MetricType.COUNTER ? a.sum() : a.count()).sum();
    }

    @Test
    void textAndFragmentedMessagesArriveWhole() {
        ch.writeInbound(frame(0x81, "hi".getBytes()));
        ch.writeInbound(frame(0x01, "hel".getBytes()));
        ch.writeInbound(frame(0x80, "lo".getBytes()));
        assertEquals(List.of("handshake:101", "text:hi", "text:hello"), events);
        assertEquals(2, count("ws_msgs_received", null));
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() {
        ch.writeInbound(frame(0x89, new byte[] {7, 8}));
        List<int[]> frames = clientFrames();
        assertEquals(1, frames.size());
        assertArrayEquals(new int[] {0xA, 7, 8}, frames.get(0));
        assertTrue(events.contains("ping"));
    }

    @Test
    void aServerCloseIsEchoedWithItsCodeAndEndsTheSocket() {
        ch.writeInbound(frame(0x88, new byte[] {0x0F, (byte) 0xA1, 'b', 'y', 'e'}));
        List<int[]> frames = clientFrames();
        assertEquals(8, frames.get(0)[0]);
        assertEquals(4001, closeCode(frames.get(0)));
        assertFalse(ch.isOpen());
        assertEquals(List.of("handshake:101", "forgotten", "close:4001"), events);
        assertEquals(0, count("ws_errors", null));
        assertEquals(1, count("ws_session_duration", null));
    }

    @Test
    void aClientCloseSendsItsCodeAndWaitsForTheServers() {
        connection.close(1000, "done");
        List<int[]> frames = clientFrames();
        assertEquals(1000, closeCode(frames.get(0)));
        assertTrue(ch.isOpen(), "the closing handshake waits for the server's close frame");
        ch.writeInbound(frame(0x88, new byte[] {0x03, (byte) 0xE8}));
        assertFalse(ch.isOpen());
        assertTrue(events.contains("close:1000"), events.toString());
        connection.send("late");
        assertEquals(1, count("ws_errors", "1705"));
    }

    @Test
    void aFrameOverMaxMessageSizeClosesWith1009() {
        ch.writeInbound(frame(0x81, new byte[MAX + 1]));
        List<int[]> frames = clientFrames();
        assertEquals(1009, closeCode(frames.get(frames.size() - 1)));
        assertFalse(ch.isOpen());
        assertEquals(1, count("ws_errors", "1702"));
        assertTrue(events.contains("close:1009"), events.toString());
    }

    @Test
    void aFragmentedMessageOverMaxMessageSizeClosesWith1009() {
        ch.writeInbound(frame(0x01, new byte[40]));
        ch.writeInbound(frame(0x80, new byte[40]));
        List<int[]> frames = clientFrames();
        assertEquals(1009, closeCode(frames.get(frames.size() - 1)));
        assertEquals(1, count("ws_errors", "1702"));
    }

    @Test
    void aHandlerFailureIsCountedAndClosesWith1011() {
        connection.fail();
        assertEquals(1011, closeCode(clientFrames().get(0)));
        assertEquals(1, count("ws_errors", "1704"));
    }

    @Test
    void aConnectionLostWithoutCloseFrameIs1006AndCounted() {
        ch.close();
        assertEquals(List.of("handshake:101", "error:1703", "forgotten", "close:1006"), events);
        assertEquals(1, count("ws_errors", "1703"));
    }
}
