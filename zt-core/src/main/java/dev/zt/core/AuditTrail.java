package dev.zt.core;

import dev.zt.core.internal.audit.AuditDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Delivers {@link AuditEvent}s to {@link AuditSink}s off the caller's thread.
 *
 * <pre>{@code
 * AuditTrail trail = AuditTrail.builder().sink(new JsonLinesAuditSink()).queueCapacity(10_000).build();
 * trail.record(trail.event(Layer.FILTER, Outcome.DENIED, "ZT-2017").action("GET /api/orders").build());
 * }</pre>
 *
 * <p><b>Delivery.</b> {@link #record} only offers the event to a bounded queue and returns: it never
 * waits for a sink. One daemon thread ({@code zt-audit}) hands each event, in recording order, to
 * every sink in turn.
 *
 * <p><b>Overflow policy: drop the newest.</b> When the queue is full, the event being recorded is
 * dropped (the queued, older events are kept) and counted in {@link #dropped()}. Events recorded
 * after {@link #close()} are dropped and counted the same way.
 *
 * <p><b>Failing sinks.</b> An exception from a sink is counted in {@link #sinkFailures()}, logged
 * (logger {@code dev.zt.core.AuditTrail}, message {@code ZT-9001}, the exception class only) on the
 * first failure and then once per {@value #FAILURE_LOG_INTERVAL}, and never reaches the caller of
 * {@code record}: a decision already taken stays taken.
 *
 * <p><b>Counting.</b> {@link AuditMetrics} given to the builder count every recorded event on the
 * recording thread, before it is queued, and every dropped one: counts by outcome and reason stay
 * exact when the queue overflows.
 *
 * <p><b>Closing.</b> {@link #close()} stops accepting events, waits up to the close timeout
 * (default 5 s) for the queue to drain, and then stops the thread. Whoever builds the trail closes it.
 */
public final class AuditTrail implements AutoCloseable {

    /** A failing sink is logged on its first failure and then once per this many failures. */
    public static final int FAILURE_LOG_INTERVAL = 1000;

    private final AuditDispatcher dispatcher;
    private final Clock clock;

    private AuditTrail(Builder b) {
        this.clock = b.clock;
        this.dispatcher = new AuditDispatcher(List.copyOf(b.sinks), List.copyOf(b.metrics), b.queueCapacity,
                b.closeTimeout, FAILURE_LOG_INTERVAL);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An event builder stamped with this trail's clock and carrying the {@link RequestCorrelation}
     * bound to the current thread, if any.
     */
    public AuditEvent.Builder event(AuditEvent.Layer layer, AuditEvent.Outcome outcome, String reason) {
        AuditEvent.Builder event = AuditEvent.builder(now(), layer, outcome, reason);
        RequestCorrelation.current().ifPresent(event::correlation);
        return event;
    }

    /** The current instant of this trail's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Queues {@code event} for delivery, or drops and counts it if the queue is full. Never blocks, never throws. */
    public void record(AuditEvent event) {
        dispatcher.offer(event);
    }

    /** Events dropped because the queue was full or the trail was closed. */
    public long dropped() {
        return dispatcher.dropped();
    }

    /** Deliveries that a sink failed with an exception, and exceptions from {@link AuditMetrics}. */
    public long sinkFailures() {
        return dispatcher.sinkFailures();
    }

    /**
     * Stops accepting events and waits (at most the close timeout) until the queued ones are delivered.
     *
     * @return true if everything queued was delivered, false if the timeout cut delivery short
     */
    public boolean closeAndDrain() {
        return dispatcher.close();
    }

    @Override
    public void close() {
        closeAndDrain();
    }

    /** Builds an {@link AuditTrail}; checked at {@link #build()}. */
    public static final class Builder {
        private final List<AuditSink> sinks = new ArrayList<>();
        private final List<AuditMetrics> metrics = new ArrayList<>();
        private int queueCapacity = 10_000;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Adds a sink; every event goes to every sink, in the order they were added. */
        public Builder sink(AuditSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Adds counters, called for every recorded and every dropped event on the recording thread. */
        public Builder metrics(AuditMetrics metrics) {
            this.metrics.add(Objects.requireNonNull(metrics, "metrics"));
            return this;
        }

        /** How many undelivered events may wait (default 10 000); the newest beyond that are dropped. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("audit queue capacity must be at least 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** How long {@link AuditTrail#close()} waits for the queue to drain (default 5 s). */
        public Builder closeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("audit close timeout must be zero or positive");
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** The clock of {@link AuditTrail#event} and {@link AuditTrail#now()} (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public AuditTrail build() {
            if (sinks.isEmpty()) {
                throw new IllegalStateException("an audit trail needs at least one sink, e.g. new JsonLinesAuditSink()");
            }
            return new AuditTrail(this);
        }
    }
}
