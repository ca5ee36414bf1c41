package dev.salvo.engine.http;

/** Observes every exchange, each redirect hop included; called on the session's event loop. */
@FunctionalInterface
public interface HttpListener {
    HttpListener NONE = (request, response) -> { };

    void onExchange(HttpRequest request, HttpResponse response);

    /**
     * {@link #onExchange} threw {@code e}; the exchange completes all the same, so a faulty listener
     * never leaves a virtual user waiting. By default the thread's uncaught-exception handler hears of it.
     */
    default void onFailure(RuntimeException e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
}
