package dev.salvo.engine.metrics;
import java.util.List;


/** The built-in metrics, with k6's names. */
public final class BuiltinMetrics {
    public static final Metric VUS = Metric.gauge("vus");
    public static final Metric VUS_MAX = Metric.gauge("vus_max");
    public static final Metric ITERATIONS = Metric.counter("iterations");
    public static final Metric ITERATION_DURATION = Metric.trend("iteration_duration", true);
    public static final Metric DROPPED_ITERATIONS = Metric.counter("dropped_iterations");
    public static final Metric HTTP_REQS = Metric.counter("http_reqs");
    public static final Metric HTTP_REQ_DURATION = Metric.trend("http_req_duration", true);
    /** Open models only: the plain request time, where {@code http_req_duration} also counts the schedule lag. */
    public static final Metric HTTP_REQ_SERVICE_TIME = Metric.trend("http_req_service_time", true);
    public static final Metric HTTP_REQ_BLOCKED = Metric.trend("http_req_blocked", true);
    public static final Metric HTTP_REQ_CONNECTING = Metric.trend("http_req_connecting", true);
    public static final Metric HTTP_REQ_TLS_HANDSHAKING = Metric.trend("http_req_tls_handshaking", true);
    public static final Metric HTTP_REQ_SENDING = Metric.trend("http_req_sending", true);
    public static final Metric HTTP_REQ_WAITING = Metric.trend("http_req_waiting", true);
    public static final Metric HTTP_REQ_RECEIVING = Metric.trend("http_req_receiving", true);
    public static final Metric HTTP_REQ_FAILED = Metric.rate("http_req_failed");
    public static final Metric DATA_SENT = Metric.counter("data_sent");
    public static final Metric DATA_RECEIVED = Metric.counter("data_received");
    public static final Metric CHECKS = Metric.rate("checks");
    public static final Metric GROUP_DURATION = Metric.trend("group_duration", true);
    public static final Metric WS_CONNECTING = Metric.trend("ws_connecting", true);
    public static final Metric WS_SESSIONS = Metric.counter("ws_sessions");
    public static final Metric WS_SESSION_DURATION = Metric.trend("ws_session_duration", true);
    public static final Metric WS_MSGS_SENT = Metric.counter("ws_msgs_sent");
    public static final Metric WS_MSGS_RECEIVED = Metric.counter("ws_msgs_received");
    public static final Metric WS_PING = Metric.trend("ws_ping", true);
    /** Failures of WebSockets, tagged with {@code error_code} (see WsErrorCodes). */
    public static final Metric WS_ERRORS = Metric.counter("ws_errors");
    // Server-Sent Events (docs/streaming.md): times in ms from the stream's start (its intended start in open models).
    public static final Metric SSE_CONNECTING = Metric.trend("sse_connecting", true);
    public static final Metric SSE_TIME_TO_FIRST_EVENT = Metric.trend("sse_time_to_first_event", true);
    public static final Metric SSE_EVENT_GAP = Metric.trend("sse_event_gap", true);
    public static final Metric SSE_EVENTS = Metric.counter("sse_events");
    public static final Metric SSE_SESSION_DURATION = Metric.trend("sse_session_duration", true);
    /** Failures of streams, tagged with {@code error_code} (see SseErrorCodes). */
    public static final Metric SSE_ERRORS = Metric.counter("sse_errors");
    public static final Metric SSE_RECONNECTS = Metric.counter("sse_reconnects");
    // LLM inference over OpenAI-compatible streams (salvo/llm).
    public static final Metric LLM_TIME_TO_FIRST_TOKEN = Metric.trend("llm_time_to_first_token", true);
    public static final Metric LLM_INTER_TOKEN_LATENCY = Metric.trend("llm_inter_token_latency", true);
    public static final Metric LLM_TIME_PER_OUTPUT_TOKEN = Metric.trend("llm_time_per_output_token", true);
    public static final Metric LLM_REQUEST_DURATION = Metric.trend("llm_request_duration", true);
    public static final Metric LLM_OUTPUT_TOKENS = Metric.counter("llm_output_tokens");
    public static final Metric LLM_INPUT_TOKENS = Metric.counter("llm_input_tokens");
    /** Output tokens per second of each request (not a time: a plain trend). */
    public static final Metric LLM_TOKENS_PER_SECOND = Metric.trend("llm_tokens_per_second", false);

    // The generator's own health (docs/monitoring.md), sampled once a second.
    /** salvo's process CPU in % of the cores the JVM may use (0-100). */
    public static final Metric SALVO_CPU = Metric.gauge("salvo_cpu");
    /** salvo's process CPU in cores busy (1.5 = one and a half cores). */
    public static final Metric SALVO_CPU_CORES = Metric.gauge("salvo_cpu_cores");
    /** The whole machine's CPU in % (every process). */
    public static final Metric SALVO_MACHINE_CPU = Metric.gauge("salvo_machine_cpu");
    /** How late a task scheduled every 100 ms ran on each worker's event loop, tagged {@code worker}. */
    public static final Metric SALVO_LOOP_LAG = Metric.trend("salvo_loop_lag", true);
    public static final Metric SALVO_GC_PAUSE = Metric.trend("salvo_gc_pause", true);
    /** Bytes of heap in use after the last garbage collection. */
    public static final Metric SALVO_HEAP_AFTER_GC = Metric.gauge("salvo_heap_after_gc");
    /** Open client connections (HTTP and WebSocket). */
    public static final Metric SALVO_CONNECTIONS = Metric.gauge("salvo_connections");
    /**
     * Requests measured while salvo itself was late: its event loop busy when their bytes came, or (open
     * models) their iteration started behind schedule. Their waiting, receiving, connecting and service
     * time are not recorded, since those would hold salvo's time (docs/outputs.md).
     */
    public static final Metric SALVO_LATE_REQUESTS = Metric.counter("salvo_late_requests");
    /** CPU seconds salvo's process used from its start to the end of the run (recorded once, at the end). */
    public static final Metric SALVO_CPU_SECONDS = Metric.gauge("salvo_cpu_seconds");
    /**
     * Seconds of that spent compiling: HotSpot's JIT (the JVM's own counter, which includes compiling the
     * Graal compiler itself) plus GraalJS's compilations of the script (recorded once, at the end).
     */
    public static final Metric SALVO_JIT_SECONDS = Metric.gauge("salvo_jit_seconds");
    /** JavaScript functions GraalJS compiled, tagged {@code tier}: the highest tier reached (0 when none). */
    public static final Metric SALVO_JS_COMPILATIONS = Metric.gauge("salvo_js_compilations");
    /** Compilations of JavaScript functions that failed (those functions stay interpreted; recorded once, at the end). */
    public static final Metric SALVO_JS_COMPILE_FAILURES = Metric.gauge("salvo_js_compile_failures");
    /** Always 1, tagged {@code runtime: compiled|interpreted}: which JavaScript runtime ran the script. */
    public static final Metric SALVO_JS_RUNTIME = Metric.gauge("salvo_js_runtime");

    /** Every built-in metric, for validating thresholds before the run. */
    public static final List<Metric> ALL = List.of(VUS, VUS_MAX, ITERATIONS, ITERATION_DURATION,
            DROPPED_ITERATIONS, HTTP_REQS, HTTP_REQ_DURATION, HTTP_REQ_BLOCKED, HTTP_REQ_CONNECTING,
            HTTP_REQ_TLS_HANDSHAKING, HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING, HTTP_REQ_FAILED,
            DATA_SENT, DATA_RECEIVED, CHECKS, GROUP_DURATION, HTTP_REQ_SERVICE_TIME, WS_CONNECTING, WS_SESSIONS,
            WS_SESSION_DURATION, WS_MSGS_SENT, WS_MSGS_RECEIVED, WS_PING, WS_ERRORS,
            SSE_CONNECTING, SSE_TIME_TO_FIRST_EVENT, SSE_EVENT_GAP, SSE_EVENTS, SSE_SESSION_DURATION, SSE_ERRORS, SSE_RECONNECTS,
            LLM_TIME_TO_FIRST_TOKEN, LLM_INTER_TOKEN_LATENCY, LLM_TIME_PER_OUTPUT_TOKEN, LLM_REQUEST_DURATION,
            LLM_OUTPUT_TOKENS, LLM_INPUT_TOKENS, LLM_TOKENS_PER_SECOND, SALVO_CPU, SALVO_CPU_CORES,
            SALVO_MACHINE_CPU, SALVO_LOOP_LAG, SALVO_GC_PAUSE, SALVO_HEAP_AFTER_GC, SALVO_CONNECTIONS, SALVO_LATE_REQUESTS, SALVO_CPU_SECONDS,
            SALVO_JIT_SECONDS, SALVO_JS_COMPILATIONS, SALVO_JS_COMPILE_FAILURES, SALVO_JS_RUNTIME);

    private BuiltinMetrics() {}
}
