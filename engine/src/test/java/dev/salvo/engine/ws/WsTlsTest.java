package dev.salvo.engine.ws;

import dev.salvo.engine.http.TlsConfig;
import dev.salvo.engine.metrics.Metrics;
import dev.salvo.engine.metrics.Tags;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code wss://} against a TLS echo server with a self-signed certificate made by the JDK's keytool. */
class WsTlsTest {
    @TempDir static Path dir;
    private static EventLoopGroup group;
    private static Channel server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "secret", "-keypass", "secret").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        SslContext tls = SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).build();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/echo"), new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                        ctx.writeAndFlush(f.retain());
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close(); // the client refusing our certificate is the point of a test
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static WsHandshake echo(boolean insecure, CompletableFuture<String> reply) throws Exception {
        return echo(new TlsConfig(insecure, null, null, List.of(), List.of()), reply);
    }

    private static WsHandshake echo(TlsConfig tlsConfig, CompletableFuture<String> reply) throws Exception {
        EventLoop loop = group.next();
        WsParams p = WsParams.of("wss://127.0.0.1:" + port + "/echo");
        WsParams params = new WsParams(p.url(), List.of(), List.of(), false, p.timeout(), p.maxMessageSize(), Map.of(),
                tlsConfig);
        CompletableFuture<WsHandshake> handshake = new CompletableFuture<>();
        WsSocket[] socket = new WsSocket[1];
        loop.submit(() -> socket[0] = new WsClient(loop, new Metrics(), Tags.EMPTY).connect(params, new WsListener() {
            @Override
            public void onHandshake(WsHandshake h) {
                handshake.complete(h);
                if (h.opened()) socket[0].send("secret hello");
            }

            @Override
            public void onText(String text) {
                reply.complete(text);
                socket[0].close(1000, "");
            }

            @Override
            public void onClose(int code, String reason) {
                reply.complete(null);
            }
        })).get(5, TimeUnit.SECONDS);
        return handshake.get(10, TimeUnit.SECONDS);
    }

    @Test
    void wssWithInsecureSkipTlsVerifyTalksToASelfSignedServer() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        assertEquals(101, echo(true, reply).status());
        assertEquals("secret hello", reply.get(10, TimeUnit.SECONDS));
    }

    /** The server's certificate trusted through javax.net.ssl.trustStore: verified, host name included. */
    @Test
    void wssVerifiesATrustedCertificateAndItsHostName() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            server.load(in, "secret".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server.getCertificate("server"));
        Path file = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(file)) {
            trust.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try {
            // A cipher list of its own keeps this context apart from the ones the other tests built.
            TlsConfig verifying = new TlsConfig(false, null, null, List.of("TLS_AES_256_GCM_SHA384"), List.of());
            CompletableFuture<String> reply = new CompletableFuture<>();
            WsHandshake h = echo(verifying, reply);
            assertEquals(101, h.status(), h.error());
            assertEquals("secret hello", reply.get(10, TimeUnit.SECONDS));
        } finally {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
            System.clearProperty("javax.net.ssl.trustStoreType");
        }
    }

    @Test
    void wssRefusesAnUntrustedCertificateWithStatusZero() throws Exception {
        WsHandshake h = echo(false, new CompletableFuture<>());
        assertEquals(0, h.status());
        assertNotNull(h.error());
        assertTrue(h.error().toLowerCase().contains("certif") || h.error().contains("PKIX"), h.error());
    }
}
