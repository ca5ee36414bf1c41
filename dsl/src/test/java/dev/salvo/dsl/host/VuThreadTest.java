package dev.salvo.dsl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-off of a VU that blocks: tasks at the top level, events while its code waits, cancellation. */
class VuThreadTest {
    @Test
    void aTaskWaitingForEventsRunsThemOnTheVusOwnThreadInOrder() throws Exception {
        VuThread t = VuThread.start("test-vu");
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        t.submit(() -> {
            assertTrue(t.isCurrent());
            assertTrue(Thread.currentThread().isVirtual());
            // another thread (a Netty loop) completes the work later: the task parks until then
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> {
                t.post(() -> seen.add("first " + t.isCurrent()));
                t.post(() -> seen.add("second " + t.isCurrent()));
            });
            t.runUntil(() -> seen.size() == 2);
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("first true", "second true"), seen);
        t.exit();
        assertTrue(t.join(5000));
    }

    @Test
    void aTaskSubmittedWhileAnotherWaitsRunsAfterItNeverInsideIt() throws Exception {
        VuThread t = VuThread.start("test-vu");
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        boolean[] go = new boolean[1];
        t.submit(() -> {
            order.add("first starts");
            t.submit(() -> {
                order.add("second");
                second.complete(null);
            });
            t.post(() -> go[0] = true);
            t.runUntil(() -> go[0]);
            order.add("first ends");
        });
        second.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("first starts", "first ends", "second"), order);
        t.exit();
        assertTrue(t.join(5000));
    }

    @Test
    void cancelWakesAParkedTaskWhoseWaitThrowsAndTheNextTaskRunsUncancelled() throws Exception {
        VuThread t = VuThread.start("test-vu");
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        CompletableFuture<Boolean> nextCancelled = new CompletableFuture<>();
        t.submit(() -> {
            try {
                t.runUntil(() -> false); // nothing ever arrives
            } catch (VuThread.Cancelled e) {
                thrown.complete(e);
            }
        });
        Thread.sleep(50);
        assertFalse(thrown.isDone());
        t.cancel();
        assertTrue(thrown.get(5, TimeUnit.SECONDS) instanceof VuThread.Cancelled);
        t.submit(() -> nextCancelled.complete(t.cancelled()));
        assertFalse(nextCancelled.get(5, TimeUnit.SECONDS));
        t.exit();
        assertTrue(t.join(5000));
    }

    @Test
    void exitCutsTheWaitingTaskAndEndsTheThreadWithoutRunningLaterTasks() throws Exception {
        VuThread t = VuThread.start("test-vu");
        List<String> ran = new CopyOnWriteArrayList<>();
        t.submit(() -> {
            ran.add("waiting");
            try {
                t.runUntil(() -> false);
            } catch (VuThread.Cancelled e) {
                ran.add("cut");
            }
        });
        Thread.sleep(50);
        t.exit();
        t.submit(() -> ran.add("after exit"));
        assertTrue(t.join(5000));
        assertEquals(List.of("waiting", "cut"), ran);
    }
}
