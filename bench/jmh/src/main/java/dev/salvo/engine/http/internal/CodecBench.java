package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.HttpRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One request on the wire: parsing the URL, building salvo's Netty request ({@link RequestFactory})
 * and encoding it with Netty's request encoder; and decoding nginx's 3-byte answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {
    private static final String URL = "http://127.0.0.1:8080/";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
            + "Date: Sun, 22 Nov 2026 00:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
            + "Connection: keep-alive\r\n\r\nok\n").getBytes(StandardCharsets.US_ASCII);
    private final HttpConfig config = HttpConfig.defaults("salvo/bench");
    private EmbeddedChannel channel;
    private EmbeddedChannel decoder;

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel(new HttpRequestEncoder());
        decoder = new EmbeddedChannel(new HttpResponseDecoder());
    }

    @Benchmark
    public int encode() {
        HttpRequest request = HttpRequest.of("GET", URI.create(URL));
        channel.writeOutbound(RequestFactory.build(request, Target.of(request.url()), config));
        ByteBuf wire = channel.readOutbound();
        int n = wire.readableBytes();
        wire.release();
        return n;
    }

    @Benchmark
    public int decode() {
        decoder.writeInbound(Unpooled.wrappedBuffer(RESPONSE));
        int n = 0;
        for (HttpObject o; (o = decoder.readInbound()) != null; n++) ReferenceCountUtil.release(o);
        return n;
    }
}
