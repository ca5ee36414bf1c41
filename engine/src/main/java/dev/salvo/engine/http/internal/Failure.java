package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpErrorCodes;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import java.io.IOException;
import io.netty.handler.proxy.ProxyConnectException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** A failed exchange as a value: k6's error code and a short message. */
public record Failure(int code, String message) {

    static final Failure CLOSED = new Failure(HttpErrorCodes.CONNECTION_CLOSED,
            "connection closed by server before the response ended");
    static final Failure SESSION_CLOSED = new Failure(HttpErrorCodes.INTERRUPTED,
            "request cut short: the run stopped (session closed)");
    static final Failure TIMEOUT = new Failure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout");

    /** Classifies a failure to open a connection, directly or through {@code proxy} (null: none). */
    public static Failure ofConnect(Throwable cause, String host, int port, URI proxy) {
        Failure tls = ofTls(cause, host);
        if (tls != null) {
            return tls;
        }
        if (proxy == null) {
            return ofConnect(cause, host, port);
        }
        Failure direct = cause instanceof ProxyConnectException ? new Failure(HttpErrorCodes.DIAL_ERROR, message(cause))
                : ofConnect(cause, proxy.getHost(), proxy.getPort());
        return new Failure(direct.code(), "proxy " + proxy + ": " + direct.message());
    }

    private static Failure ofConnect(Throwable cause, String host, int port) {
        String target = host + ":" + port;
        if (cause instanceof UnknownHostException) {
            return new Failure(HttpErrorCodes.DNS_FAILURE, "lookup " + host + ": no such host");
        }
        if (messages(cause).contains("too many open files")) { // no socket: Netty wraps the IOException
            return new Failure(HttpErrorCodes.DIAL_ERROR, "dial " + target + ": socket: too many open files (the process's"
                    + " open-files limit, ulimit -n, is reached)");
        }
        if (cause instanceof ConnectTimeoutException) {
            return new Failure(HttpErrorCodes.DIAL_TIMEOUT, "dial " + target + ": connect timeout");
        }
        if (cause instanceof ConnectException && contains(cause, "refused")) {
            return new Failure(HttpErrorCodes.CONNECTION_REFUSED, "dial " + target + ": connection refused");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new Failure(HttpErrorCodes.DIAL_ERROR, "dial " + target + ": " + message(cause));
        }
        return ofIo(cause);
    }

    /**
     * A TLS failure named as k6 names it (its messages come from Go's x509 package), or null when the
     * cause is not TLS.
     */
    static Failure ofTls(Throwable cause, String host) {
        SSLException ssl = find(cause, SSLException.class);
        if (ssl == null) {
            return null;
        }
        if (find(cause, CertificateExpiredException.class) != null) {
            return new Failure(HttpErrorCodes.TLS_ERROR, "tls: x509: certificate has expired or is not yet valid: "
                    + message(ssl));
        }
        String text = messages(cause);
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return new Failure(HttpErrorCodes.TLS_HOSTNAME_MISMATCH, "tls: x509: certificate is not valid for " + host
                    + ": " + message(ssl));
        }
        if (text.contains("pkix path") || text.contains("unable to find valid certification path")) {
            return new Failure(HttpErrorCodes.TLS_UNKNOWN_AUTHORITY, "tls: x509: certificate signed by unknown authority: "
                    + message(ssl));
        }
        return new Failure(HttpErrorCodes.TLS_ERROR, "tls: " + message(ssl));
    }

    /** Classifies a failure on an open connection. */
    public static Failure ofIo(Throwable cause) {
        Failure tls = ofTls(cause, "the host");
        if (tls != null) {
            return tls;
        }
        if (cause instanceof ClosedChannelException) {
            return CLOSED;
        }
        if (cause instanceof DecompressionException) {
            return new Failure(HttpErrorCodes.BODY_DECODE_ERROR, "cannot decode the response body (Content-Encoding): " + message(cause));
        }
        if (cause instanceof IOException && contains(cause, "reset")) {
            return new Failure(HttpErrorCodes.CONNECTION_RESET, "connection reset by peer");
        }
        return new Failure(HttpErrorCodes.GENERIC, message(cause));
    }

    /**
     * This failure, met after the connection was made and before its TLS handshake ended: a server closing or
     * resetting it then is a TLS failure (1300), typically a port that does not speak TLS.
     */
    Failure inTlsHandshake() {
        if (code != HttpErrorCodes.CONNECTION_CLOSED && code != HttpErrorCodes.CONNECTION_RESET) {
            return this;
        }
        return new Failure(HttpErrorCodes.TLS_ERROR, "tls: the server " + (code == HttpErrorCodes.CONNECTION_RESET ? "reset"
                : "closed") + " the connection during the handshake (does the port speak TLS?)");
    }

    /** A response the HTTP decoder refused: headers or status line over its limits, or not HTTP at all. */
    static Failure ofDecoder(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return new Failure(HttpErrorCodes.HEADERS_TOO_LARGE, "response headers too large (status line over 4 KiB or"
                    + " headers over 8 KiB): " + message(cause));
        }
        return new Failure(HttpErrorCodes.MALFORMED_RESPONSE, "malformed response (not HTTP): " + message(cause));
    }

    /** A kept body over the limit; {@code responseType: 'none'} and {@code discardResponseBodies} have none. */
    static Failure bodyTooLarge(long limit) {
        return new Failure(HttpErrorCodes.BODY_TOO_LARGE, "response body larger than maxResponseBodySize (" + limit
                + " bytes; responseType 'none' or discardResponseBodies reads any size)");
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** Every message of the cause chain, lower case. */
    private static String messages(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c.getMessage()).append('\n');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(Throwable t, String word) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
