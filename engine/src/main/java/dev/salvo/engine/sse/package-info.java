/**
 * The Server-Sent Events client of a virtual user: {@link dev.salvo.engine.sse.SseClient} opens
 * streams on the VU's event loop, {@link dev.salvo.engine.sse.SseParser} turns the body's bytes into
 * events as they come (the WHATWG event-stream format), and a {@link dev.salvo.engine.sse.SseListener}
 * hears of each stream's life; the Netty handlers live in {@code internal}.
 */
package dev.salvo.engine.sse;
