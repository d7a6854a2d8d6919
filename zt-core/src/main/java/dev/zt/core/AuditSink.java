package dev.zt.core;

/**
 * Where audit events go: one method, called by the {@link AuditTrail}'s single delivery thread, one
 * event at a time and in the order they were recorded. Never called on the request path.
 *
 * <p>A sink may throw: the trail counts the failure ({@link AuditTrail#sinkFailures()}), logs it
 * once per {@value AuditTrail#FAILURE_LOG_INTERVAL} failures and carries on with the next event.
 * A failing sink never changes a decision. A sink that blocks holds up delivery (not requests):
 * events then queue up to the trail's capacity and the newest are dropped and counted.
 */
@FunctionalInterface
public interface AuditSink {

    /** Stores or forwards {@code event}; must not keep a reference to mutable state of its own caller. */
    void deliver(AuditEvent event);
}
