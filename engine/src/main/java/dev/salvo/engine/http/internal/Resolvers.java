package dev.salvo.engine.http.internal;

import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous DNS resolver groups for the process, one per cache TTL: the JDK's resolver would block
 * an event loop, and sharing a group shares its cache (one resolver per event loop inside it).
 */
final class Resolvers {
    private static final Map<Duration, AddressResolverGroup<InetSocketAddress>> BY_TTL = new ConcurrentHashMap<>();

    private Resolvers() {
    }

    private static final class Holder {
        static final AddressResolverGroup<InetSocketAddress> SHARED = new DnsAddressResolverGroup(
                new DnsNameResolverBuilder().datagramChannelType(NioDatagramChannel.class));
    }

    /** The group whose cache keeps answers for {@code ttl} (zero: no cache); null: the records' own TTLs. */
    static AddressResolverGroup<InetSocketAddress> forTtl(Duration ttl) {
        if (ttl == null) {
            return Holder.SHARED;
        }
        return BY_TTL.computeIfAbsent(ttl, t -> {
            int seconds = (int) Math.min(Integer.MAX_VALUE, t.toSeconds());
            return new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                    .datagramChannelType(NioDatagramChannel.class).ttl(seconds, seconds).negativeTtl(seconds));
        });
    }
}
