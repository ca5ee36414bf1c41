package dev.salvo.engine.http.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/** Where a connection really goes: the target, unless {@code hosts} overrides its name, or a proxy. */
final class Addresses {
    private Addresses() {
    }

    /** Unresolved, so the session's asynchronous resolver looks it up. */
    static InetSocketAddress of(Target target, Map<String, String> hosts) {
        String override = hosts.get(target.host());
        if (override == null) {
            return InetSocketAddress.createUnresolved(target.host(), target.port());
        }
        return parse(override, target.port());
    }

    static InetSocketAddress of(URI proxy) {
        int port = proxy.getPort() != -1 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(unbracket(proxy.getHost()), port);
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal. */
    static InetSocketAddress parse(String address, int defaultPort) {
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon > 0 && (address.indexOf(':') == colon || address.startsWith("["))
                && !address.endsWith("]");
        String host = hasPort ? address.substring(0, colon) : address;
        int port = hasPort ? Integer.parseInt(address.substring(colon + 1)) : defaultPort;
        return InetSocketAddress.createUnresolved(unbracket(host), port);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
