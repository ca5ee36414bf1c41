package dev.salvo.engine.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Keeps a copy of an encoded response's headers before {@code HttpContentDecompressor} rewrites them
 * in place (it drops Content-Encoding and Content-Length), so users see what the server sent.
 */
final class WireHeadersHandler extends ChannelInboundHandlerAdapter {
    private final HttpConnection connection;

    WireHeadersHandler(HttpConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse head && head.headers().contains(HttpHeaderNames.CONTENT_ENCODING)) {
            connection.wireHeaders(head.headers().copy());
        }
        ctx.fireChannelRead(msg);
    }
}
