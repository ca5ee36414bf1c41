package dev.salvo.engine.fleet.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.engine.fleet.FleetWire;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.io.IOException;

/**
 * The fleet's logic handler on both ends: a text frame is one JSON message, handed to a
 * {@link Receiver} on the channel's event loop; the channel closing is the last call.
 */
public final class FleetFrames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    /** Where the messages of one channel go, on its event loop. */
    public interface Receiver {
        default void opened(Channel channel) {}

        void message(Channel channel, JsonNode message);

        void closed(Channel channel);
    }

    /** Frames up to 256 MiB: a shard's result carries its whole latency.hlog. */
    public static final int MAX_FRAME = 256 << 20;

    private final Receiver receiver;

    public FleetFrames(Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete
                || evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            receiver.opened(ctx.channel());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        JsonNode message;
        try {
            message = FleetWire.JSON.readTree(frame.text());
        } catch (IOException e) {
            ctx.close();
            return;
        }
        receiver.message(ctx.channel(), message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        receiver.closed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Sends one message; safe from any thread. */
    public static void send(Channel channel, JsonNode message) {
        channel.writeAndFlush(new TextWebSocketFrame(message.toString()));
    }
}
