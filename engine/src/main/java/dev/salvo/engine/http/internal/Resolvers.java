package dev.salvo.engine.http.internal;

import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import java.net.InetSocketAddress;

/**
 * One asynchronous DNS resolver group for the process: the JDK's resolver would block an event loop,
 * and sharing the group shares its cache (one resolver per event loop inside it).
 */
final class Resolvers {
    private Resolvers() {
    }

    private static final class Holder {
        static final AddressResolverGroup<InetSocketAddress> SHARED = new DnsAddressResolverGroup(
                new DnsNameResolverBuilder().datagramChannelType(NioDatagramChannel.class));
    }

    static AddressResolverGroup<InetSocketAddress> shared() {
        return Holder.SHARED;
    }
}
