/**
 * The WebSocket client (RFC 6455) of a virtual user: {@link dev.salvo.engine.ws.WsClient} opens
 * sockets on the VU's event loop and reports each one's life to a {@link dev.salvo.engine.ws.WsListener};
 * the Netty handlers live in {@code internal}.
 */
package dev.salvo.engine.ws;
