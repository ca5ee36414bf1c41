package dev.salvo.engine.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a session opens and keeps connections, with k6's option names: {@code noConnectionReuse},
 * {@code noVUConnectionReuse}, {@code maxRedirects}, {@code hosts} (name to {@code address[:port]}),
 * {@code dns.ttl} (null: the resolver's own caching), {@code localIPs} (source addresses used in turn)
 * and the proxy (null: none).
 */
public record Connections(boolean noConnectionReuse, boolean noVuConnectionReuse, int maxRedirects,
        Map<String, String> hosts, Duration dnsTtl, List<InetAddress> localIps, ProxyConfig proxy) {

    public static final Connections DEFAULT = new Connections(false, false, HttpRequest.DEFAULT_MAX_REDIRECTS,
            Map.of(), null, List.of(), null);

    public Connections {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
        localIps = localIps == null ? List.of() : List.copyOf(localIps);
        if (maxRedirects < 0) {
            maxRedirects = HttpRequest.DEFAULT_MAX_REDIRECTS;
        }
    }
}
