package dev.zt.core;

/**
 * The restore-on-close mechanics shared by {@link ActorContext.Binding} and
 * {@link RequestCorrelation.Binding}: closing restores the value bound before (or removes the
 * thread-local when there was none), once, and only on the thread that bound it.
 */
abstract class ThreadBinding<T> implements AutoCloseable {

    private final ThreadLocal<T> slot;
    private final T previous;
    private final Thread owner;
    private final String wrongThread;
    private boolean closed;

    /** Binds {@code value} to {@code slot} on the current thread, remembering what was there. */
    ThreadBinding(ThreadLocal<T> slot, T value, String wrongThread) {
        this.slot = slot;
        this.previous = slot.get();
        this.owner = Thread.currentThread();
        this.wrongThread = wrongThread;
        slot.set(value);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(wrongThread);
        }
        closed = true;
        if (previous == null) {
            slot.remove();
        } else {
            slot.set(previous);
        }
    }
}
