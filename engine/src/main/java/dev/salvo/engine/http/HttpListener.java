package dev.salvo.engine.http;

/** Observes every exchange, each redirect hop included; called on the session's event loop. */
@FunctionalInterface
public interface HttpListener {
    HttpListener NONE = (request, response) -> { };

    void onExchange(HttpRequest request, HttpResponse response);
}
