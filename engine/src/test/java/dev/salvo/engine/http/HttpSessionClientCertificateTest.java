package dev.salvo.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.engine.demo.DemoCertificate;
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.internal.DemoInitializer;
import dev.salvo.engine.demo.internal.DemoState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Mutual TLS against a server that requires a client certificate it trusts. */
class HttpSessionClientCertificateTest {

    private static HttpConfig config(List<TlsConfig.ClientCertificate> certs) {
        return new HttpConfig("salvo-test/1.0", false, Duration.ofSeconds(5),
                new TlsConfig(true, null, null, List.of(), certs), Http2Mode.AUTO, null, false, 0, 0);
    }

    @Test
    void theCertificateWhoseDomainsMatchIsPresented() throws Exception {
        DemoCertificate client = DemoCertificate.generate("client.test");
        DemoCertificate server = DemoCertificate.generate("127.0.0.1");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            var ssl = SslContextBuilder.forServer(server.key(), server.certificate())
                    .trustManager(client.certificate()).clientAuth(ClientAuth.REQUIRE).build();
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new DemoInitializer(new DemoState(DemoOptions.defaults()), ssl))
                    .bind("127.0.0.1", 0).sync().channel();
            String url = "https://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/health";
            var mine = new TlsConfig.ClientCertificate(List.of("127.0.0.1"), client.certificatePem(), client.keyPem(), "test");
            var others = new TlsConfig.ClientCertificate(List.of("*.example.com"), client.certificatePem(), client.keyPem(), "test");
            try (SessionFixture fx = new SessionFixture(config(List.of(others, mine)))) {
                HttpResponse res = fx.get(url);
                assertEquals(200, res.status(), res.error());
            }
            try (SessionFixture fx = new SessionFixture(config(List.of(others)))) {
                HttpResponse res = fx.get(url);
                assertEquals(0, res.status());
                assertTrue(res.errorCode() >= 1000 && res.errorCode() < 1400, res.errorCode() + " " + res.error());
            }
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
