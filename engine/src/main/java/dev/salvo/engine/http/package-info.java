/**
 * The HTTP/1.1 client of virtual users: {@link dev.salvo.engine.http.HttpSession} sends
 * {@link dev.salvo.engine.http.HttpRequest}s on one event loop and reports every exchange to an
 * {@link dev.salvo.engine.http.HttpListener}. Netty handlers live in {@code internal}.
 */
package dev.salvo.engine.http;
