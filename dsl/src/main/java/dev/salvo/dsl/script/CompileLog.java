package dev.salvo.dsl.script;

import dev.salvo.engine.run.JsCompilations;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the engine's compilations from its compilation trace ({@code engine.TraceCompilation}, one
 * line per compiled function: {@code opt done ... |Tier 1|Time 273( 142+131 )ms|...}, and one per
 * failed compilation: {@code opt failed ...|Reason: ...}): the summary says what the JIT did, not only
 * which runtime ran. Other engine messages are passed on to stderr.
 */
final class CompileLog extends Handler {
    private static final Pattern TIER = Pattern.compile("\\|Tier (\\d)\\|");
    private static final Pattern TIME = Pattern.compile("\\|Time\\s+(\\d+)\\(");

    private int count;
    private int failed;
    private int tier;
    private long millis;

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null) return;
        if (message.contains("opt failed")) {
            synchronized (this) {
                failed++;
            }
            return;
        }
        if (!message.contains("opt done")) {
            // Not a trace line: an engine warning, passed on, except the fallback runtime's, which salvo
            // says in its own words (the launcher, the generator block).
            if (!message.contains("opt ") && !message.contains("fallback runtime")) System.err.println("salvo: js engine: " + message);
            return;
        }
        Matcher t = TIER.matcher(message);
        Matcher ms = TIME.matcher(message);
        synchronized (this) {
            count++;
            if (t.find()) tier = Math.max(tier, Integer.parseInt(t.group(1)));
            if (ms.find()) millis += Long.parseLong(ms.group(1));
        }
    }

    synchronized JsCompilations snapshot() {
        return new JsCompilations(count, count == 0 ? 0 : Math.max(1, tier), millis / 1e3, failed);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
