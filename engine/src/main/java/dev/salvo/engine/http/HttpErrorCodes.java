package dev.salvo.engine.http;

/** k6's error codes, so scripts and thresholds written for k6 keep their meaning. */
public final class HttpErrorCodes {
    public static final int GENERIC = 1000;
    public static final int INVALID_URL = 1020;
    public static final int REQUEST_TIMEOUT = 1050;
    public static final int DNS_FAILURE = 1100;
    public static final int DIAL_ERROR = 1210;
    public static final int DIAL_TIMEOUT = 1211;
    public static final int CONNECTION_REFUSED = 1212;
    public static final int CONNECTION_RESET = 1220;
    public static final int CONNECTION_CLOSED = 1230;
    /** A TLS failure that is none of the two below: expired certificate, handshake refused, no common protocol. */
    public static final int TLS_ERROR = 1300;
    public static final int TLS_UNKNOWN_AUTHORITY = 1310;
    public static final int TLS_HOSTNAME_MISMATCH = 1311;
    /** The server reset the request's stream (RST_STREAM). */
    public static final int HTTP2_STREAM_ERROR = 1630;

    private HttpErrorCodes() {
    }
}
