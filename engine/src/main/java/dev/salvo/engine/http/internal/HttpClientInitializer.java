package dev.salvo.engine.http.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;

/** Pipeline of a client connection: wire counter, HTTP/1.1 codec, header snapshot, gzip/deflate decoding, response handler. */
final class HttpClientInitializer extends ChannelInitializer<SocketChannel> {
    private final HttpConnection connection;
    private final ConnectionPool pool;

    HttpClientInitializer(HttpConnection connection, ConnectionPool pool) {
        this.connection = connection;
        this.pool = pool;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connection.attach(ch);
        pool.opened(connection);
        ch.pipeline()
                .addLast("counter", connection.counter())
                .addLast("codec", new HttpClientCodec())
                .addLast("wire-headers", new WireHeadersHandler(connection))
                .addLast("decompressor", new HttpContentDecompressor(false, 0))
                .addLast("response", connection.handler());
    }
}
