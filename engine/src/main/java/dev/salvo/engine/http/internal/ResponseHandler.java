package dev.salvo.engine.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;

/**
 * Last handler of a client connection: forwards decoded response parts to the attempt currently
 * using the connection. Messages are released by the superclass once forwarded.
 */
final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final HttpConnection connection;

    ResponseHandler(HttpConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        Attempt attempt = connection.current();
        // Without an attempt these are unsolicited bytes on an idle connection: nobody wants them.
        if (attempt != null) {
            attempt.onMessage(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Attempt attempt = connection.current();
        if (attempt != null) {
            attempt.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Attempt attempt = connection.current();
        if (attempt != null) {
            attempt.onError(cause);
        }
        ctx.close();
    }
}
