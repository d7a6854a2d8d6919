package dev.zt.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How to find the request a decision belongs to: the container's request id, the W3C trace-id and
 * the client address. The servlet filter binds one to the request's thread, so that every
 * {@link AuditEvent} taken while the request runs (a CDI scope check, a JPA tenant denial, a service
 * token fetched) carries the same ids as the request. A plain {@link ThreadLocal}, undone when the
 * binding closes, like {@link ActorContext}; it does not follow work handed to another thread.
 *
 * @param requestId     the container's request id, or null
 * @param traceId       the trace-id of a valid {@code traceparent}, or null
 * @param remoteAddress the client address as the container sees it, or null
 */
public record RequestCorrelation(String requestId, String traceId, String remoteAddress) {

    private static final ThreadLocal<RequestCorrelation> CURRENT = new ThreadLocal<>();

    /** The correlation bound to this thread, if a request (or a job that bound one) is running. */
    public static Optional<RequestCorrelation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds {@code correlation} to this thread until the binding is closed (on this thread). */
    public static Binding bind(RequestCorrelation correlation) {
        Objects.requireNonNull(correlation, "correlation");
        return new Binding(correlation);
    }

    /** An open binding; closing it restores what was bound before. */
    public static final class Binding extends ThreadBinding<RequestCorrelation> {
        private Binding(RequestCorrelation correlation) {
            super(CURRENT, correlation, "ZT-1003 a request correlation must be unbound on the thread that bound it");
        }
    }
}
