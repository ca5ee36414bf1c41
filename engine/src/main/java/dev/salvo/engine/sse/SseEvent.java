package dev.salvo.engine.sse;

/**
 * One dispatched event: its type ({@code message} unless an {@code event:} field said otherwise), its
 * data (the {@code data:} lines joined by LF), the stream's last event ID, the {@code retry:} value this
 * event's block set (-1: none), and when its last byte was read ({@link System#nanoTime}, on the loop).
 */
public record SseEvent(String type, String data, String id, long retry, long receivedNanos) {}
