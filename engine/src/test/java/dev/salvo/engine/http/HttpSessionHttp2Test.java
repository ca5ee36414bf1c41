package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP/2: streams multiplexed on one connection, and a server that resets some of them. */
class HttpSessionHttp2Test {
    private static HttpConfig h2(TlsConfig tls) {
        return new HttpConfig("salvo-test/1.0", false, Duration.ofSeconds(5), tls, Http2Mode.ON, null, false, 0, 0);
    }

    @Test
    void concurrentRequestsShareOneConnectionAsStreams() throws Exception {
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults());
                SessionFixture fx = new SessionFixture(h2(SessionFixture.INSECURE_TLS))) {
            assertEquals(200, fx.get(demo.httpsUrl() + "/health").status()); // the connection, then streams on it
            List<CompletableFuture<HttpResponse>> inFlight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                inFlight.add(fx.sendAsync(HttpRequest.of("GET", URI.create(demo.httpsUrl() + "/delay?ms=200"))));
            }
            long start = System.nanoTime();
            for (CompletableFuture<HttpResponse> f : inFlight) {
                HttpResponse res = f.get(10, TimeUnit.SECONDS);
                assertEquals(200, res.status(), res.error());
                assertEquals("HTTP/2.0", res.proto());
            }
            assertTrue(System.nanoTime() - start < 1_500_000_000L, "8 delayed requests ran at once");
            assertEquals(1, fx.openConnections());
            assertEquals(1, demo.connectionsAccepted());
        }
    }

    @Test
    void aResetStreamIsAnErrorWhileTheOtherStreamsComplete() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SessionFixture fx = new SessionFixture(h2(TlsConfig.DEFAULT))) {
            String base = resettingServer(group, Http2Settings.defaultSettings());
            List<CompletableFuture<HttpResponse>> inFlight = new ArrayList<>();
            for (String path : List.of("/ok", "/reset", "/ok", "/reset", "/ok")) {
                inFlight.add(fx.sendAsync(HttpRequest.of("GET", URI.create(base + path))));
            }
            int ok = 0;
            for (CompletableFuture<HttpResponse> f : inFlight) {
                HttpResponse res = f.get(10, TimeUnit.SECONDS);
                if (res.status() == 200) {
                    ok++;
                    assertEquals("ok", new String(res.body(), StandardCharsets.UTF_8));
                } else {
                    assertEquals(0, res.status());
                    assertEquals(HttpErrorCodes.HTTP2_STREAM_ERROR, res.errorCode(), res.error());
                    assertEquals("stream reset by server: REFUSED_STREAM", res.error());
                }
            }
            assertEquals(3, ok);
            assertEquals(200, fx.get(base + "/ok").status(), "the connection outlives its reset streams");
            assertEquals(1, fx.openConnections());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void streamsBeyondTheServersConcurrencyLimitWaitForASlot() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SessionFixture fx = new SessionFixture(h2(TlsConfig.DEFAULT))) {
            String base = resettingServer(group, Http2Settings.defaultSettings().maxConcurrentStreams(2));
            assertEquals(200, fx.get(base + "/ok").status());
            List<CompletableFuture<HttpResponse>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                inFlight.add(fx.sendAsync(HttpRequest.of("GET", URI.create(base + "/ok"))));
            }
            for (CompletableFuture<HttpResponse> f : inFlight) {
                HttpResponse res = f.get(10, TimeUnit.SECONDS);
                assertEquals(200, res.status(), res.error());
            }
            assertEquals(1, fx.openConnections());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void afterAGoawayNewRequestsOpenANewConnection() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SessionFixture fx = new SessionFixture(h2(TlsConfig.DEFAULT))) {
            String base = resettingServer(group, Http2Settings.defaultSettings());
            HttpResponse last = fx.get(base + "/goaway");
            assertEquals(200, last.status(), last.error());
            HttpResponse next = fx.get(base + "/ok");
            assertEquals(200, next.status(), next.error());
            assertTrue(next.timings().connecting() > 0, "a new connection");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** An h2c (prior knowledge) server on loopback, closed with its group; returns its base URL. */
    private static String resettingServer(EventLoopGroup group, Http2Settings settings) throws InterruptedException {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().initialSettings(settings).build(),
                                new ResettingHandler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Answers "ok" on /ok, "ok" then GOAWAY on /goaway, and resets the stream of any other path. */
    private static final class ResettingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Http2HeadersFrame headers && headers.isEndStream()) {
                String path = headers.headers().path().toString();
                if (path.equals("/ok") || path.equals("/goaway")) {
                    ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")).stream(headers.stream()));
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("ok", StandardCharsets.UTF_8), true)
                            .stream(headers.stream()));
                    if (path.equals("/goaway")) {
                        // The connection stays open, but takes no new streams: clients must go elsewhere.
                        ctx.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
                    }
                } else {
                    ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM).stream(headers.stream()));
                }
            }
            ReferenceCountUtil.release(msg);
        }
    }
}
