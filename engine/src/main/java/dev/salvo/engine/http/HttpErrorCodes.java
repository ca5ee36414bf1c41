package dev.salvo.engine.http;

/** k6's error codes, so scripts and thresholds written for k6 keep their meaning. */
public final class HttpErrorCodes {
    public static final int GENERIC = 1000;
    public static final int INVALID_URL = 1020;
    public static final int REQUEST_TIMEOUT = 1050;
    /*
     * 1060-1079: salvo's own general codes, where k6 (Go's client) reports 1000 with a message; k6 leaves
     * these numbers unused.
     */
    /** The response is not HTTP: a bad status line or header line. */
    public static final int MALFORMED_RESPONSE = 1060;
    /** The response's status line or headers exceed the decoder's limits (8 KiB a line, 8 KiB of headers). */
    public static final int HEADERS_TOO_LARGE = 1061;
    /** A kept body larger than {@code maxResponseBodySize}. */
    public static final int BODY_TOO_LARGE = 1062;
    /** The body's Content-Encoding is unsupported or cannot be decoded. */
    public static final int BODY_DECODE_ERROR = 1063;
    /** The request could not be built (a bad method or header). */
    public static final int INVALID_REQUEST = 1064;
    /** Cut short because the run stopped (Ctrl-C, the end of the run, abort): the session closed under it. */
    public static final int INTERRUPTED = 1070;
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
