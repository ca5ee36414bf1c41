package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpErrorCodes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2ResetFrame;

/** Ends the attempt on an HTTP/2 stream the server reset (RST_STREAM) with k6's stream error code. */
final class StreamResetHandler extends ChannelInboundHandlerAdapter {
    private final HttpConnection stream;

    StreamResetHandler(HttpConnection stream) {
        this.stream = stream;
    }

    /** Netty hands a RST_STREAM to the stream as a user event, before the stream closes. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof Http2ResetFrame reset)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        Attempt attempt = stream.current();
        if (attempt != null) {
            Http2Error error = Http2Error.valueOf(reset.errorCode());
            attempt.abort(new Failure(HttpErrorCodes.HTTP2_STREAM_ERROR, "stream reset by server: "
                    + (error == null ? "error code " + reset.errorCode() : error.name())));
        }
    }
}
