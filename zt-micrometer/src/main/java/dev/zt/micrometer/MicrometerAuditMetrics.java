package dev.zt.micrometer;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts audit decisions as Micrometer counters, by layer, outcome and reason:
 *
 * <pre>{@code
 * AuditTrail trail = AuditTrail.builder()
 *         .sink(new JsonLinesAuditSink())
 *         .metrics(new MicrometerAuditMetrics(registry))
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@value #DECISIONS}, tags {@code layer}, {@code outcome}, {@code reason}: every recorded decision,
 *       counted on the recording thread before it is queued, so the counts stay exact when the trail
 *       drops events;</li>
 *   <li>{@value #DROPPED}, tag {@code layer}: every event the trail dropped (queue full or closed).</li>
 * </ul>
 * Tag values are spelled as in the event's JSON line ({@code FILTER}, {@code DENIED}, {@code ZT-2012}).
 *
 * <p><b>Bounded tags.</b> Reasons are stable ids ({@code ZT-nnnn}), a small set. Should a reason ever
 * carry a value from outside, a tag per value would grow the registry without bound: only the first
 * {@value #MAX_REASONS} distinct reasons (each at most {@value #MAX_REASON_LENGTH} characters) get a tag
 * of their own; every other reason is counted under {@value #OTHER_REASON}.
 *
 * <p><b>Cost.</b> The request path does one map look-up and one counter increment; counters are created
 * once per (layer, outcome, reason). Thread-safe.
 *
 * <p>The no-argument constructor registers in {@link Metrics#globalRegistry}; it is what
 * {@link java.util.ServiceLoader} instantiates when a trail is built from configuration and this jar is
 * on the class path.
 */
public final class MicrometerAuditMetrics implements AuditMetrics {

    /** Counter of recorded decisions, tagged {@code layer}, {@code outcome}, {@code reason}. */
    public static final String DECISIONS = "zt.audit.decisions";
    /** Counter of events the trail dropped, tagged {@code layer}. */
    public static final String DROPPED = "zt.audit.dropped";
    /** {@link #bindTo}: the trail's {@link AuditTrail#dropped()}, whatever layer (or none) the event had. */
    public static final String TRAIL_DROPPED = "zt.audit.trail.dropped";
    /** {@link #bindTo}: the trail's {@link AuditTrail#sinkFailures()}. */
    public static final String TRAIL_SINK_FAILURES = "zt.audit.trail.sink.failures";
    /** How many distinct reasons get a tag of their own. */
    public static final int MAX_REASONS = 256;
    /** Longer reasons are never a tag of their own. */
    public static final int MAX_REASON_LENGTH = 64;
    /** The reason tag of every reason beyond the bound. */
    public static final String OTHER_REASON = "other";

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final MeterRegistry registry;
    /** Indexed by layer ordinal * outcomes + outcome ordinal; keys are admitted reasons and OTHER_REASON. */
    private final Map<String, Counter>[] decisions;
    private final Map<Layer, Counter> dropped = new EnumMap<>(Layer.class);
    /** The reasons that own a tag; never more than MAX_REASONS. */
    private final Map<String, Boolean> admitted = new ConcurrentHashMap<>();
    /** Slots reserved in {@link #admitted}; may run past MAX_REASONS, which only means "full". */
    private final AtomicInteger reserved = new AtomicInteger();

    /** Counters in {@link Metrics#globalRegistry}. */
    public MicrometerAuditMetrics() {
        this(Metrics.globalRegistry);
    }

    /** Counters in {@code registry}. */
    @SuppressWarnings("unchecked")
    public MicrometerAuditMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decisions = new Map[Layer.values().length * OUTCOMES.length];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = new ConcurrentHashMap<>();
        }
        for (Layer layer : Layer.values()) {
            dropped.put(layer, Counter.builder(DROPPED)
                    .description("Audit events the trail dropped: its queue was full or it was closed")
                    .tag("layer", layer.name())
                    .register(registry));
        }
    }

    @Override
    public void recorded(AuditEvent event) {
        Map<String, Counter> counters = decisions[event.layer().ordinal() * OUTCOMES.length + event.outcome().ordinal()];
        Counter counter = counters.get(event.reason());
        if (counter == null) {
            counter = counters.computeIfAbsent(tagFor(event.reason()),
                    reason -> decisionCounter(event.layer(), event.outcome(), reason));
        }
        counter.increment();
    }

    @Override
    public void dropped(AuditEvent event) {
        dropped.get(event.layer()).increment();
    }

    /**
     * Also exposes {@code trail}'s own {@link AuditTrail#dropped()} ({@value #TRAIL_DROPPED}) and
     * {@link AuditTrail#sinkFailures()} ({@value #TRAIL_SINK_FAILURES}) as function counters. The registry
     * holds the trail weakly. One trail per registry: a second call binds nothing new.
     *
     * @return this, for chaining
     */
    public MicrometerAuditMetrics bindTo(AuditTrail trail) {
        Objects.requireNonNull(trail, "trail");
        FunctionCounter.builder(TRAIL_DROPPED, trail, AuditTrail::dropped)
                .description("Events the audit trail dropped (queue full or closed)")
                .register(registry);
        FunctionCounter.builder(TRAIL_SINK_FAILURES, trail, AuditTrail::sinkFailures)
                .description("Audit deliveries that failed with an exception (sinks and metrics)")
                .register(registry);
        return this;
    }

    /** {@code reason} itself while the bound allows one more distinct reason, else {@value #OTHER_REASON}. */
    private String tagFor(String reason) {
        if (admitted.containsKey(reason)) {
            return reason;
        }
        if (reason.length() > MAX_REASON_LENGTH || reserved.get() >= MAX_REASONS
                || reserved.incrementAndGet() > MAX_REASONS) {
            return OTHER_REASON;
        }
        if (admitted.putIfAbsent(reason, Boolean.TRUE) != null) {
            reserved.decrementAndGet();   // another thread admitted the same reason first
        }
        return reason;
    }

    private Counter decisionCounter(Layer layer, Outcome outcome, String reason) {
        return Counter.builder(DECISIONS)
                .description("Access decisions recorded in the audit trail")
                .tag("layer", layer.name())
                .tag("outcome", outcome.name())
                .tag("reason", reason)
                .register(registry);
    }
}
