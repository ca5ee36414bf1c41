package dev.salvo.dsl.host;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import java.util.function.Consumer;

/** Handed to JavaScript to report how a call ended: {@code ok(value)} or {@code fail(error)}. */
public final class Completion {
    private final Consumer<Value> ok;
    private final Consumer<Value> fail;

    public Completion(Consumer<Value> ok, Consumer<Value> fail) {
        this.ok = ok;
        this.fail = fail;
    }

    @HostAccess.Export
    public void ok(Value value) {
        ok.accept(value);
    }

    @HostAccess.Export
    public void fail(Value error) {
        fail.accept(error);
    }
}
