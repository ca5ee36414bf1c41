package dev.salvo.engine.demo;

/** The demo target could not listen: its port is taken. Says which listener, so the caller can name the option to change. */
public final class PortInUseException extends IllegalStateException {
    private final int port;
    private final boolean https;

    PortInUseException(String host, int port, boolean https, Throwable cause) {
        super("demo target: cannot listen on " + host + ":" + port + " (" + (https ? "HTTPS" : "HTTP")
                + "): the port is in use", cause);
        this.port = port;
        this.https = https;
    }

    public int port() {
        return port;
    }

    /** The HTTPS listener's port, not the plain one's. */
    public boolean https() {
        return https;
    }
}
