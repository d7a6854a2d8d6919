package dev.zt.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The actor of the current unit of work, held per thread.
 *
 * <p>This is one of zt's three pieces of static mutable state (with {@link RequestCorrelation}, the
 * request ids for audit events, and {@link Audit}, the deployment's installed trail). It is a plain
 * {@link ThreadLocal}, never an
 * {@code InheritableThreadLocal}: a thread started or pooled elsewhere does not silently inherit a
 * caller. Every binding is undone by {@link ThreadLocal#remove()} or by restoring the previous
 * actor, so nothing lingers on a pooled thread.
 *
 * <pre>{@code
 * ActorContext.runAs(worker, () -> reports.nightly());          // a job that is not an HTTP request
 * executor.submit(ActorContext.carry(() -> mailer.send(order))); // hand the current actor to a task
 * Actor actor = ActorContext.require();                          // throws NoActorException if none
 * }</pre>
 */
public final class ActorContext {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private ActorContext() {
    }

    /** The current actor, if any. */
    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current actor, or {@link NoActorException}: there is no default actor. */
    public static Actor require() {
        Actor actor = CURRENT.get();
        if (actor == null) {
            throw new NoActorException();
        }
        return actor;
    }

    /** Runs {@code task} as {@code actor}, then restores whatever was current before (or nothing). */
    public static void runAs(Actor actor, Runnable task) {
        Objects.requireNonNull(task, "task");
        try (Binding ignored = bind(actor)) {
            task.run();
        }
    }

    /** Calls {@code task} as {@code actor}, then restores whatever was current before (or nothing). */
    public static <T> T callAs(Actor actor, Callable<T> task) throws Exception {
        Objects.requireNonNull(task, "task");
        try (Binding ignored = bind(actor)) {
            return task.call();
        }
    }

    /** Like {@link #callAs} for tasks that throw no checked exception. */
    public static <T> T getAs(Actor actor, Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        try (Binding ignored = bind(actor)) {
            return task.get();
        }
    }

    /**
     * Makes {@code actor} current until the returned binding is closed, which restores the previous
     * state. For integrations (the servlet filter, a message listener); application code uses
     * {@link #runAs}. Close it on the thread that opened it, in a {@code finally} or
     * try-with-resources block.
     */
    public static Binding bind(Actor actor) {
        Objects.requireNonNull(actor, "actor: there is no anonymous actor");
        return new Binding(actor);
    }

    /**
     * Wraps {@code task} so that it runs as the actor current <em>now</em>, on whatever thread
     * runs it later; throws {@link NoActorException} now if there is none. The
     * {@link RequestCorrelation} current now goes along too, so the task's audit events carry the
     * ids of the request that started it.
     */
    public static Runnable carry(Runnable task) {
        Actor actor = require();
        Objects.requireNonNull(task, "task");
        RequestCorrelation correlation = RequestCorrelation.current().orElse(null);
        return () -> {
            try (RequestCorrelation.Binding ignored = correlation == null ? null : RequestCorrelation.bind(correlation)) {
                runAs(actor, task);
            }
        };
    }

    /** The {@link Callable} form of {@link #carry(Runnable)}. */
    public static <T> Callable<T> carry(Callable<T> task) {
        Actor actor = require();
        Objects.requireNonNull(task, "task");
        RequestCorrelation correlation = RequestCorrelation.current().orElse(null);
        return () -> {
            try (RequestCorrelation.Binding ignored = correlation == null ? null : RequestCorrelation.bind(correlation)) {
                return callAs(actor, task);
            }
        };
    }

    /** An open binding of an actor to the current thread; closing it restores the previous state. */
    public static final class Binding extends ThreadBinding<Actor> {
        private Binding(Actor actor) {
            super(CURRENT, actor, "ZT-1002 an actor binding must be closed on the thread that opened it");
        }
    }
}
