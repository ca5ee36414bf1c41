package dev.salvo.engine.plan;

import dev.salvo.engine.config.Problems;
import dev.salvo.engine.config.ConfigReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.engine.http.Connections;
import dev.salvo.engine.http.Http2Mode;
import dev.salvo.engine.http.HttpConfig;
import dev.salvo.engine.http.ProxyConfig;
import dev.salvo.engine.http.TlsConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Reads k6's client options: {@code insecureSkipTLSVerify, tlsVersion, tlsCipherSuites, tlsAuth, http2,
 * noConnectionReuse, noVUConnectionReuse, maxRedirects, hosts, dns, localIPs, proxy, noCookiesReset, batch,
 * batchPerHost}, and salvo's {@code maxResponseBodySize}; the proxy falls back
 * to the {@code HTTP_PROXY / HTTPS_PROXY / NO_PROXY} environment variables (or their lower-case forms).
 * {@code tlsAuth} files are read later, relative to the script (see {@link ClientCertificates}).
 */
public final class ClientOptionsParser {
    private static final int MAX_LOCAL_IPS = 65_536;
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d{1,12})\\s*(b|kb|kib|mb|mib|gb|gib)?\\s*");

    private ClientOptionsParser() {
    }

    public static ClientOptions parse(ConfigReader o, Map<String, String> env) {
        Problems p = o.problems();
        String[] versions = versions(o);
        TlsConfig tls = new TlsConfig(o.bool("insecureSkipTLSVerify", false), versions[0], versions[1], cipherSuites(o),
                clientCertificates(o));
        String mode = o.string("http2", "auto");
        Http2Mode http2 = switch (mode) {
            case "auto" -> Http2Mode.AUTO;
            case "on" -> Http2Mode.ON;
            case "off" -> Http2Mode.OFF;
            default -> {
                p.error(o.path("http2"), "must be 'auto', 'on' or 'off', not '" + mode + "'");
                yield Http2Mode.AUTO;
            }
        };
        Connections connections = new Connections(o.bool("noConnectionReuse", false), o.bool("noVUConnectionReuse", false),
                o.nonNegativeInt("maxRedirects", Connections.DEFAULT.maxRedirects()), hosts(o), dnsTtl(o), localIps(o),
                proxy(o, env));
        return new ClientOptions(tls, http2, connections, o.bool("noCookiesReset", false),
                o.positiveInt("batch", HttpConfig.DEFAULT_BATCH), o.positiveInt("batchPerHost", HttpConfig.DEFAULT_BATCH_PER_HOST),
                bodySize(o));
    }

    /** {@code maxResponseBodySize}: bytes, or a size such as '256KB', '64MB', '1GB' (powers of 1024). */
    private static long bodySize(ConfigReader o) {
        JsonNode v = o.raw("maxResponseBodySize");
        if (v == null || v.isNull()) {
            return HttpConfig.DEFAULT_MAX_RESPONSE_BODY_SIZE;
        }
        long bytes = -1;
        if (v.isIntegralNumber()) {
            bytes = v.asLong();
        } else if (v.isTextual()) {
            Matcher m = SIZE.matcher(v.asText());
            if (m.matches()) {
                String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
                int shift = switch (unit.charAt(0)) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    case 'g' -> 30;
                    default -> 0;
                };
                bytes = Long.parseLong(m.group(1)) << shift;
            }
        }
        if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
            o.problems().error(o.path("maxResponseBodySize"), "must be a size from 1 byte to 2GB, such as 1048576, '512KB' or"
                    + " '256MB', not " + v);
            return HttpConfig.DEFAULT_MAX_RESPONSE_BODY_SIZE;
        }
        return bytes;
    }

    /** {@code tlsVersion: 'tls1.2'} (that version only) or {@code {min, max}}, as JDK protocol names. */
    private static String[] versions(ConfigReader o) {
        JsonNode v = o.raw("tlsVersion");
        if (v == null || v.isNull()) {
            return new String[2];
        }
        if (v.isTextual()) {
            String only = protocol(o.path("tlsVersion"), v.asText(), o.problems());
            return new String[] {only, only};
        }
        if (!v.isObject()) {
            o.problems().error(o.path("tlsVersion"), "must be a version such as 'tls1.2' or {min, max}, not " + v);
            return new String[2];
        }
        ConfigReader r = o.object("tlsVersion");
        String min = r.has("min") ? protocol(r.path("min"), r.string("min", ""), r.problems()) : null;
        String max = r.has("max") ? protocol(r.path("max"), r.string("max", ""), r.problems()) : null;
        r.checkUnknown(Set.of());
        if (min != null && max != null && TlsConfig.VERSIONS.indexOf(min) > TlsConfig.VERSIONS.indexOf(max)) {
            o.problems().error(o.path("tlsVersion"), "min must not be above max");
        }
        return new String[] {min, max};
    }

    private static String protocol(String path, String value, Problems p) {
        String v = value.toLowerCase(Locale.ROOT).replace("tlsv", "tls");
        String jdk = switch (v) {
            case "tls1.0", "tls1" -> "TLSv1";
            case "tls1.1" -> "TLSv1.1";
            case "tls1.2" -> "TLSv1.2";
            case "tls1.3" -> "TLSv1.3";
            default -> null;
        };
        if (jdk == null) {
            p.error(path, "must be one of tls1.0, tls1.1, tls1.2, tls1.3, not '" + value + "'");
        }
        return jdk;
    }

    private static List<String> cipherSuites(ConfigReader o) {
        List<String> suites = strings(o, "tlsCipherSuites");
        if (suites.isEmpty()) {
            return suites;
        }
        Set<String> supported = supportedSuites();
        for (String s : suites) {
            if (!supported.contains(s)) {
                o.problems().error(o.path("tlsCipherSuites"), "unknown or unsupported cipher suite '" + s + "'");
            }
        }
        return suites;
    }

    private static Set<String> supportedSuites() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each entry's {@code cert} and {@code key} as given (PEM text or a path), checked later. */
    private static List<TlsConfig.ClientCertificate> clientCertificates(ConfigReader o) {
        JsonNode v = o.raw("tlsAuth");
        List<TlsConfig.ClientCertificate> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            o.problems().error(o.path("tlsAuth"), "must be an array of {domains, cert, key}, not " + v);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            String path = o.path("tlsAuth") + "[" + i + "]";
            if (!v.get(i).isObject()) {
                o.problems().error(path, "must be an object {domains, cert, key}, not " + v.get(i));
                continue;
            }
            ConfigReader entry = new ConfigReader((ObjectNode) v.get(i), path, o.problems());
            entry.required("cert", "(a PEM file, relative to the script, or PEM text)");
            entry.required("key", "(a PEM file, relative to the script, or PEM text)");
            List<String> domains = strings(entry, "domains");
            String cert = entry.string("cert", null);
            String key = entry.string("key", null);
            entry.checkUnknown(Set.of());
            if (cert != null && key != null) {
                out.add(new TlsConfig.ClientCertificate(domains, cert, key, path));
            }
        }
        return out;
    }

    private static Map<String, String> hosts(ConfigReader o) {
        Map<String, String> hosts = o.stringMap("hosts");
        for (Map.Entry<String, String> e : hosts.entrySet()) {
            if (!e.getValue().matches("\\[?[0-9A-Za-z.:\\-]+]?(:\\d{1,5})?")) {
                o.problems().error(o.path("hosts") + "." + e.getKey(), "must be an address such as '127.0.0.1:8443', not '"
                        + e.getValue() + "'");
            }
        }
        return hosts;
    }

    /** {@code dns: { ttl: '5m' }}; 'inf' keeps answers for ever, '0' disables the cache. */
    private static Duration dnsTtl(ConfigReader o) {
        ConfigReader dns = o.object("dns");
        if (dns == null) {
            return null;
        }
        Duration ttl = null;
        JsonNode v = dns.raw("ttl");
        if (v != null && v.isTextual() && v.asText().equals("inf")) {
            ttl = Duration.ofSeconds(Integer.MAX_VALUE);
        } else if (v != null && v.isTextual() && v.asText().equals("0")) {
            ttl = Duration.ZERO;
        } else {
            ttl = dns.duration("ttl", null, false);
        }
        dns.checkUnknown(Set.of("select", "policy"));
        return ttl;
    }

    /** {@code '127.0.0.10-127.0.0.20'}, {@code '10.0.0.0/24'}, a single address, a comma list or an array of these. */
    private static List<InetAddress> localIps(ConfigReader o) {
        List<InetAddress> out = new ArrayList<>();
        JsonNode v = o.raw("localIPs");
        if (v == null || v.isNull()) {
            return out;
        }
        List<String> items = new ArrayList<>();
        if (v.isTextual()) {
            items.addAll(Arrays.asList(v.asText().split(",")));
        } else {
            items.addAll(strings(o, "localIPs"));
        }
        for (String item : items) {
            try {
                IpRanges.expand(item.trim(), out, MAX_LOCAL_IPS);
            } catch (IllegalArgumentException e) {
                o.problems().error(o.path("localIPs"), e.getMessage());
            }
        }
        return out;
    }

    private static ProxyConfig proxy(ConfigReader o, Map<String, String> env) {
        JsonNode v = o.raw("proxy");
        String noProxy = firstNonBlank(env.get("NO_PROXY"), env.get("no_proxy"));
        String http;
        String https;
        if (v == null || v.isNull()) {
            http = firstNonBlank(env.get("HTTP_PROXY"), env.get("http_proxy"));
            https = firstNonBlank(env.get("HTTPS_PROXY"), env.get("https_proxy"));
        } else if (v.isTextual()) {
            URI both = proxyUri(o, v.asText());
            return both == null ? null : new ProxyConfig(both, both, noProxyList(noProxy));
        } else if (v.isObject()) {
            ConfigReader r = o.object("proxy");
            http = r.string("http", null);
            https = r.string("https", null);
            noProxy = r.string("noProxy", noProxy);
            r.checkUnknown(Set.of());
        } else {
            o.problems().error(o.path("proxy"), "must be a URL such as 'http://proxy:3128' or {http, https, noProxy}, not " + v);
            return null;
        }
        if (http == null && https == null) {
            return null;
        }
        return new ProxyConfig(proxyUri(o, http), proxyUri(o, https), noProxyList(noProxy));
    }

    private static List<String> noProxyList(String noProxy) {
        return noProxy == null ? List.of() : Arrays.stream(noProxy.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static URI proxyUri(ConfigReader o, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = URI.create(text);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("scheme must be http and a host is needed");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            o.problems().error(o.path("proxy"), "invalid proxy URL '" + value + "': " + e.getMessage());
            return null;
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static List<String> strings(ConfigReader o, String key) {
        JsonNode v = o.raw(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            o.problems().error(o.path(key), "must be an array of strings, not " + v);
            return out;
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                o.problems().error(o.path(key), "must be an array of strings, not " + v);
                return List.of();
            }
            out.add(item.asText());
        }
        return out;
    }

    static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }
}
