package dev.salvo.engine.http.internal;

import dev.salvo.engine.http.HttpErrorCodes;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** A failed exchange as a value: k6's error code and a short message. */
public record Failure(int code, String message) {

    static final Failure CLOSED = new Failure(HttpErrorCodes.CONNECTION_CLOSED,
            "connection closed by server before the response ended");
    static final Failure SESSION_CLOSED = new Failure(HttpErrorCodes.GENERIC, "session closed");
    static final Failure TIMEOUT = new Failure(HttpErrorCodes.REQUEST_TIMEOUT, "request timeout");

    /** Classifies a failure to open a connection. */
    public static Failure ofConnect(Throwable cause, String host, int port) {
        String target = host + ":" + port;
        if (cause instanceof UnknownHostException) {
            return new Failure(HttpErrorCodes.DNS_FAILURE, "lookup " + host + ": no such host");
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

    /** Classifies a failure on an open connection. */
    public static Failure ofIo(Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            return CLOSED;
        }
        if (cause instanceof IOException && contains(cause, "reset")) {
            return new Failure(HttpErrorCodes.CONNECTION_RESET, "connection reset by peer");
        }
        return new Failure(HttpErrorCodes.GENERIC, message(cause));
    }

    private static boolean contains(Throwable t, String word) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
