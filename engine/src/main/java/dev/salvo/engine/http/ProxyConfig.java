package dev.salvo.engine.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;


/**
 * Proxies for plain and TLS targets (either may be null) and the hosts reached directly:
 * {@code NO_PROXY}'s rules (exact names, {@code .suffix} or {@code suffix} for subdomains, {@code *}).
 */
public record ProxyConfig(URI http, URI https, List<String> noProxy) {

    public ProxyConfig {
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    }

    /** The proxy for a request to {@code host} over http or https, or null to go direct. */
    public URI forTarget(String host, boolean tls) {
        URI proxy = tls ? https : http;
        if (proxy == null) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String rule : noProxy) {
            String r = rule.trim().toLowerCase(Locale.ROOT);
            if (r.equals("*")) {
                return null;
            }
            String bare = r.startsWith(".") ? r.substring(1) : r;
            if (!bare.isEmpty() && (h.equals(bare) || h.endsWith("." + bare))) {
                return null;
            }
        }
        return proxy;
    }
}
