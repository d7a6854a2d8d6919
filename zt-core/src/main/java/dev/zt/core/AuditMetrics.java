package dev.zt.core;

/**
 * Counts decisions as they are recorded: called by {@link AuditTrail#record} on the recording thread,
 * for every event, before it is queued, so the counts stay exact when the queue overflows and events
 * are dropped. Implementations must be quick and must not block (a counter increment); an exception
 * is counted in {@link AuditTrail#sinkFailures()} and never reaches the caller.
 *
 * <p>zt-micrometer implements it with Micrometer counters; a trail built from configuration
 * finds implementations with {@link java.util.ServiceLoader}.
 */
public interface AuditMetrics {

    /** One decision was recorded (whether or not it will be delivered). */
    void recorded(AuditEvent event);

    /** The trail dropped {@code event}: its queue was full or it was closed. */
    default void dropped(AuditEvent event) {
    }
}
