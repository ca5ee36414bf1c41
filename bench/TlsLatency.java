// Sequential latency of one HTTP session against the in-process demo target: HTTP/1.1, h2c, HTTPS
// HTTP/1.1, HTTPS HTTP/2, and a new connection per request (docs/performance.md, "TLS and HTTP/2").
//   mvn -B -o -q -pl engine package -DskipTests
//   mvn -B -o -q -pl engine dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   java -cp "$(cat /tmp/cp.txt):engine/target/classes" bench/TlsLatency.java
// BoringSSL instead of the JDK's TLS in the client (netty-tcnative is not a dependency of salvo):
//   T=~/.m2/repository/io/netty/netty-tcnative-boringssl-static/2.0.77.Final/netty-tcnative-boringssl-static-2.0.77.Final
//   java -Dsalvo.tls.provider=openssl -cp "$(cat /tmp/cp.txt):engine/target/classes:$T.jar:$T-linux-x86_64.jar:\
//     $HOME/.m2/repository/io/netty/netty-tcnative-classes/2.0.77.Final/netty-tcnative-classes-2.0.77.Final.jar" bench/TlsLatency.java
import dev.salvo.engine.demo.DemoOptions;
import dev.salvo.engine.demo.DemoServer;
import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.http.HttpResponse;
import dev.salvo.engine.http.HttpSession;
import dev.salvo.engine.http.TlsConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.time.Duration;
import java.util.List;

public class TlsLatency {
    record Mode(String name, boolean tls, Http2Mode http2, boolean newConnections) {
    }

    public static void main(String[] args) throws Exception {
        List<Mode> modes = List.of(new Mode("http h1", false, Http2Mode.OFF, false), new Mode("h2c", false, Http2Mode.ON, false),
                new Mode("https h1", true, Http2Mode.OFF, false), new Mode("https h2", true, Http2Mode.AUTO, false),
                new Mode("http h1 new conn", false, Http2Mode.OFF, true), new Mode("https h1 new conn", true, Http2Mode.OFF, true));
        TlsConfig insecure = new TlsConfig(true, null, null, List.of(), List.of());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoop loop = group.next();
        try (DemoServer demo = DemoServer.start(DemoOptions.defaults())) {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                for (Mode m : modes) {
                    HttpSession session = new HttpSession(loop, new HttpConfig("bench", false, Duration.ofSeconds(5), insecure,
                            m.http2(), new Connections(m.newConnections(), false, 10, null, null, null, null), false, 0, 0), null);
                    URI url = URI.create((m.tls() ? demo.httpsUrl() : demo.baseUrl()) + "/health");
                    int n = round == 0 ? 300 : m.newConnections() ? 500 : 2000;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        HttpResponse r = loop.submit(() -> session.send(HttpRequest.of("GET", url))).get().get();
                        if (r.status() != 200) {
                            throw new IllegalStateException(m.name() + ": " + r.error());
                        }
                    }
                    if (round == 1) {
                        System.out.printf("%-18s %7.1f us/request%n", m.name(), (System.nanoTime() - start) / 1e3 / n);
                    }
                    loop.submit(session::close).get();
                }
            }
        } finally {
            group.shutdownGracefully();
        }
    }
}
