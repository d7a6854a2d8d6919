package dev.zt.core;

import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where zt's layers record their decisions: the {@link AuditTrail} installed for this deployment.
 *
 * <p>zt-filter's initializer builds a trail from configuration and installs it at start-up; zt-cdi,
 * zt-jpa and zt-client then record into it. A program that wires zt by hand installs its own:
 *
 * <pre>{@code
 * AuditTrail trail = AuditTrail.builder().sink(new JsonLinesAuditSink()).build();
 * try (Audit.Installation installed = Audit.install(trail)) { ... run ... }
 * trail.close();
 * }</pre>
 *
 * <p>One trail per class loader, which in a Jakarta EE server means one per deployment (zt's jars
 * sit in each WAR's {@code WEB-INF/lib}). Installing a second trail while one is installed fails
 * ({@code ZT-9003}): two deployments sharing zt's classes would otherwise write into each other's
 * trail.
 *
 * <p><b>Nothing is lost for want of a trail.</b> With none installed, {@link #record} writes the event
 * synchronously to a {@link JsonLinesAuditSink} (logger {@code zt.audit}) on the caller's thread.
 */
public final class Audit {

    private static final AtomicReference<AuditTrail> INSTALLED = new AtomicReference<>();
    private static final JsonLinesAuditSink UNINSTALLED_SINK = new JsonLinesAuditSink();
    private static final System.Logger LOG = System.getLogger(Audit.class.getName());

    private Audit() {
    }

    /**
     * Makes {@code trail} the one every layer records into, until the returned installation is
     * closed. Does not take ownership: whoever built the trail still closes it.
     *
     * @throws IllegalStateException {@code ZT-9003} when another trail is installed
     */
    public static Installation install(AuditTrail trail) {
        Objects.requireNonNull(trail, "trail");
        if (!INSTALLED.compareAndSet(null, trail)) {
            throw new IllegalStateException("ZT-9003 an audit trail is already installed for these zt classes: "
                    + "one trail per deployment (are zt's jars shared by two applications? put them in each WEB-INF/lib)");
        }
        return new Installation(trail);
    }

    /** The installed trail, if any. */
    public static Optional<AuditTrail> installed() {
        return Optional.ofNullable(INSTALLED.get());
    }

    /**
     * A builder for a decision taken now: stamped by the installed trail's clock (the system UTC
     * clock without one) and carrying the {@link RequestCorrelation} bound to this thread.
     */
    public static AuditEvent.Builder event(Layer layer, Outcome outcome, String reason) {
        AuditTrail trail = INSTALLED.get();
        if (trail != null) {
            return trail.event(layer, outcome, reason);
        }
        AuditEvent.Builder event = AuditEvent.builder(Clock.systemUTC().instant(), layer, outcome, reason);
        RequestCorrelation.current().ifPresent(event::correlation);
        return event;
    }

    /**
     * Records {@code event} in the installed trail (never blocks), or without one writes it now to
     * the {@code zt.audit} logger. Never throws: a decision never depends on its audit.
     */
    public static void record(AuditEvent event) {
        AuditTrail trail = INSTALLED.get();
        if (trail != null) {
            trail.record(event);
            return;
        }
        try {
            UNINSTALLED_SINK.deliver(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ZT-9001 audit event not written to zt.audit: {0}", e.getClass().getName());
        }
    }

    /** An installed trail; {@link #close()} uninstalls it (and only it). */
    public static final class Installation implements AutoCloseable {
        private final AuditTrail trail;

        private Installation(AuditTrail trail) {
            this.trail = trail;
        }

        public AuditTrail trail() {
            return trail;
        }

        @Override
        public void close() {
            INSTALLED.compareAndSet(trail, null);
        }
    }
}
