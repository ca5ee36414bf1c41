package dev.salvo.engine.http;

/**
 * {@code options.http2}: {@code AUTO} offers h2 by ALPN on https and takes it when the server picks it;
 * {@code ON} also speaks h2c by prior knowledge on plain http; {@code OFF} speaks HTTP/1.1 only.
 */
public enum Http2Mode {
    AUTO, OFF, ON
}
