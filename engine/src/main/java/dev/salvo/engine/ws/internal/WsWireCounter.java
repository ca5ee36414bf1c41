package dev.salvo.engine.ws.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** At the head of the pipeline: the bytes on the wire (handshake, frame headers, TLS) as data_sent/data_received. */
final class WsWireCounter extends ChannelDuplexHandler {
    private final WsRecorder recorder;

    WsWireCounter(WsRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) recorder.bytesReceived(buf.readableBytes());
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) recorder.bytesSent(buf.readableBytes());
        ctx.write(msg, promise);
    }
}
