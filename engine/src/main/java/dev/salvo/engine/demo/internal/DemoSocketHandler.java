package dev.salvo.engine.demo.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One open demo socket: echoes, or pushes ticks on the connection's event loop; drops itself when asked. */
final class DemoSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final WebSocketServerHandshaker handshaker;
    /** The ticker's symbols, or null for the echo endpoint. */
    private final List<String> symbols;
    private final long intervalMs;
    private final int dropAfter;
    private final String drop;
    private ScheduledFuture<?> ticks;
    private long seq;
    private int sent;

    DemoSocketHandler(WebSocketServerHandshaker handshaker, List<String> symbols, long intervalMs, int dropAfter, String drop) {
        this.handshaker = handshaker;
        this.symbols = symbols;
        this.intervalMs = intervalMs;
        this.dropAfter = dropAfter;
        this.drop = drop;
    }

    void opened(Channel ch) {
        if (symbols != null) ticks = ch.eventLoop().scheduleAtFixedRate(() -> tick(ch), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void tick(Channel ch) {
        if (!ch.isActive()) return;
        for (String symbol : symbols) {
            double price = 100 + ThreadLocalRandom.current().nextInt(10_000) / 100.0;
            String json = "{\"symbol\":\"" + symbol + "\",\"seq\":" + (++seq) + ",\"price\":" + price
                    + ",\"ts\":" + System.currentTimeMillis() + "}";
            if (!send(ch, new TextWebSocketFrame(json))) return;
        }
        ch.flush();
    }

    /** Writes a frame unless the drop point is reached, in which case the connection ends as asked. */
    private boolean send(Channel ch, WebSocketFrame frame) {
        if (dropAfter > 0 && sent >= dropAfter) {
            frame.release();
            dropNow(ch);
            return false;
        }
        sent++;
        ch.write(frame);
        return true;
    }

    private void dropNow(Channel ch) {
        if (ticks != null) ticks.cancel(false);
        switch (drop) {
            case "abrupt" -> ch.close();
            // A text frame header announcing 100 bytes, then 10 of them, then the end of the connection.
            case "mid" -> ch.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 100, 'p', 'a', 'r', 't', 'i', 'a', 'l', ' ', 'f', 'r'}))
                    .addListener(ChannelFutureListener.CLOSE);
            default -> ch.writeAndFlush(new CloseWebSocketFrame(Integer.parseInt(drop), "dropped by the demo target"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case CloseWebSocketFrame f -> handshaker.close(ctx.channel(), f.retain());
            case PingWebSocketFrame f -> ctx.writeAndFlush(new PongWebSocketFrame(f.content().retain()));
            case PongWebSocketFrame f -> { }
            default -> {
                if (symbols == null && send(ctx.channel(), frame.retainedDuplicate())) ctx.flush();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ticks != null) ticks.cancel(false);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
