package dev.salvo.engine.run;

import dev.salvo.engine.exec.VirtualUser;
import dev.salvo.engine.http.HttpRequest;
import dev.salvo.engine.plan.Scenario;

import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A script runtime without JavaScript: each iteration waits {@code millis} on the VU's loop, or sends
 * one GET to {@code url} when one is given. It records when iterations start, for schedule assertions.
 */
final class TimedRuntime implements ScriptRuntime {
    final Queue<Long> starts = new ConcurrentLinkedQueue<>();
    private final long millis;
    private final URI url;

    TimedRuntime(long millis, String url) {
        this.millis = millis;
        this.url = url == null ? null : URI.create(url);
    }

    @Override
    public void initVu(VirtualUser vu, Scenario scenario, VuServices services) {
        vu.bind(services);
    }

    @Override
    public void iterate(VirtualUser vu, IterationDone done) {
        starts.add(System.nanoTime());
        if (url == null) {
            vu.loop().schedule(() -> done.done(null), millis, TimeUnit.MILLISECONDS);
            return;
        }
        VuServices services = vu.runtime(VuServices.class);
        services.http().send(HttpRequest.of("GET", url)).whenComplete((r, e) -> vu.loop().execute(() -> done.done(null)));
    }

    @Override
    public void closeVu(VirtualUser vu) {}
}
