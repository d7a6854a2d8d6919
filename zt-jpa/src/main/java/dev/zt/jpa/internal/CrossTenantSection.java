package dev.zt.jpa.internal;

/**
 * Marks the current thread as inside {@link dev.zt.jpa.CrossTenantAccess#call}. A plain, never
 * inherited {@link ThreadLocal}, always removed in {@link #close()}, so nothing lingers on a pooled
 * thread. This and zt-core's ActorContext are zt's only static mutable state.
 */
public final class CrossTenantSection implements AutoCloseable {

    private static final ThreadLocal<Boolean> OPEN = new ThreadLocal<>();

    private final Thread owner;

    private CrossTenantSection(Thread owner) {
        this.owner = owner;
    }

    public static CrossTenantSection open() {
        if (OPEN.get() != null) {
            throw new IllegalStateException("ZT-4008 cross-tenant sections do not nest");
        }
        OPEN.set(Boolean.TRUE);
        return new CrossTenantSection(Thread.currentThread());
    }

    public static boolean isOpen() {
        return OPEN.get() != null;
    }

    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("ZT-4008 a cross-tenant section must be closed on the thread that opened it");
        }
        OPEN.remove();
    }
}
