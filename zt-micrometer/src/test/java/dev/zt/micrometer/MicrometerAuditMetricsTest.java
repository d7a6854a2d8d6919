package dev.zt.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditSink;
import dev.zt.core.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every count is taken through a real {@link AuditTrail}: what an application gets when it adds
 * {@code .metrics(new MicrometerAuditMetrics(registry))} to its trail.
 */
class MicrometerAuditMetricsTest {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuditMetrics metrics = new MicrometerAuditMetrics(registry);
    private final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<AuditTrail> trails = new ArrayList<>();

    @AfterEach
    void closeTrails() {
        trails.forEach(AuditTrail::close);
        registry.close();
    }

    private AuditTrail trail(AuditSink sink, int capacity) {
        AuditTrail trail = AuditTrail.builder().sink(sink).metrics(metrics).queueCapacity(capacity).build();
        trails.add(trail);
        return trail;
    }

    private static AuditEvent event(Layer layer, Outcome outcome, String reason) {
        return AuditEvent.builder(T, layer, outcome, reason).build();
    }

    private double decisions(Layer layer, Outcome outcome, String reason) {
        Counter counter = registry.find(MicrometerAuditMetrics.DECISIONS)
                .tag("layer", layer.name()).tag("outcome", outcome.name()).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double dropped(Layer layer) {
        return registry.get(MicrometerAuditMetrics.DROPPED).tag("layer", layer.name()).counter().count();
    }

    private double totalDecisions() {
        return registry.find(MicrometerAuditMetrics.DECISIONS).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double totalDropped() {
        return registry.find(MicrometerAuditMetrics.DROPPED).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Set<String> reasonTags() {
        return registry.find(MicrometerAuditMetrics.DECISIONS).counters().stream()
                .map(c -> c.getId().getTag("reason")).collect(Collectors.toSet());
    }

    /** A sink that blocks every delivery until released, and tells when the first one started. */
    private static final class BlockingSink implements AuditSink {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void deliver(AuditEvent event) {
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void recordedWhenDecisionsOfSeveralLayersOutcomesAndReasonsThenEachCounterCountsExactlyItsOwn() {
        AuditTrail trail = trail(delivered::add, 1000);
        for (int i = 0; i < 7; i++) {
            trail.record(event(Layer.FILTER, Outcome.DENIED, "ZT-2012"));
        }
        for (int i = 0; i < 3; i++) {
            trail.record(event(Layer.FILTER, Outcome.DENIED, "ZT-2000"));
        }
        for (int i = 0; i < 5; i++) {
            trail.record(event(Layer.CDI, Outcome.GRANTED, "ZT-3000"));
        }
        trail.record(event(Layer.CDI, Outcome.DENIED, "ZT-3000"));
        trail.record(event(Layer.JPA, Outcome.DENIED, "ZT-4001"));
        trail.record(event(Layer.CLIENT, Outcome.GRANTED, "ZT-7000"));
        assertThat(trail.closeAndDrain()).isTrue();

        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2012")).isEqualTo(7);
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2000")).isEqualTo(3);
        assertThat(decisions(Layer.CDI, Outcome.GRANTED, "ZT-3000")).isEqualTo(5);
        assertThat(decisions(Layer.CDI, Outcome.DENIED, "ZT-3000")).isEqualTo(1);
        assertThat(decisions(Layer.JPA, Outcome.DENIED, "ZT-4001")).isEqualTo(1);
        assertThat(decisions(Layer.CLIENT, Outcome.GRANTED, "ZT-7000")).isEqualTo(1);
        assertThat(decisions(Layer.FILTER, Outcome.GRANTED, "ZT-2012")).isZero();   // no such series
        assertThat(registry.find(MicrometerAuditMetrics.DECISIONS).counters()).hasSize(6);
        assertThat(totalDecisions()).isEqualTo(delivered.size()).isEqualTo(18);
        assertThat(totalDropped()).isZero();
        assertThat(trail.sinkFailures()).isZero();
    }

    @Test
    void recordedWhenManyThreadsRecordTheSameDecisionsThenNoIncrementIsLost() throws Exception {
        AuditTrail trail = trail(delivered::add, 100_000);
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Layer layer = t % 2 == 0 ? Layer.FILTER : Layer.JPA;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        trail.record(event(layer, i % 5 == 0 ? Outcome.GRANTED : Outcome.DENIED, "ZT-" + (2000 + i % 3)));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(totalDecisions()).isEqualTo(threads * perThread).isEqualTo(delivered.size());
        long expectedFilterDeniedZt2001 = delivered.stream().filter(e -> e.layer() == Layer.FILTER
                && e.outcome() == Outcome.DENIED && e.reason().equals("ZT-2001")).count();
        assertThat(expectedFilterDeniedZt2001).isPositive();
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2001")).isEqualTo(expectedFilterDeniedZt2001);
        assertThat(registry.find(MicrometerAuditMetrics.DECISIONS).counters()).hasSize(2 * 2 * 3);
    }

    @Test
    void droppedWhenSinkBlocksAndQueueOverflowsThenDroppedEqualsTrailDroppedAndDecisionsStayExact() throws Exception {
        BlockingSink sink = new BlockingSink();
        int capacity = 10;
        AuditTrail trail = trail(sink, capacity);
        trail.record(event(Layer.FILTER, Outcome.DENIED, "ZT-2000"));   // taken by the delivery thread, which blocks
        assertThat(sink.started.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 1_000; i++) {
                trail.record(event(Layer.FILTER, Outcome.DENIED, i % 2 == 0 ? "ZT-2012" : "ZT-2017"));
            }
            for (int i = 0; i < 300; i++) {
                trail.record(event(Layer.CDI, Outcome.DENIED, "ZT-3001"));
            }
        });

        // 1 in the sink + 10 queued, all of them FILTER (the first 11 recorded); everything after them dropped
        assertThat(trail.dropped()).isEqualTo(1 + 1_000 + 300 - 1 - capacity);
        assertThat(totalDropped()).isEqualTo(trail.dropped());
        assertThat(dropped(Layer.FILTER)).isEqualTo(1_000 - capacity);
        assertThat(dropped(Layer.CDI)).isEqualTo(300);
        assertThat(dropped(Layer.JPA)).isZero();
        // decisions are counted whether or not they are delivered
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2000")).isEqualTo(1);
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2012")).isEqualTo(500);
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2017")).isEqualTo(500);
        assertThat(decisions(Layer.CDI, Outcome.DENIED, "ZT-3001")).isEqualTo(300);
        sink.release.countDown();
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(trail.sinkFailures()).isZero();
    }

    @Test
    void recordedWhenAThousandDistinctHostileReasonsThenAtMostTheBoundPlusOtherAndNoCountLost() {
        AuditTrail trail = trail(delivered::add, 10_000);
        trail.record(event(Layer.FILTER, Outcome.DENIED, "ZT-2012"));           // a real reason admitted first
        for (int i = 0; i < 1_000; i++) {
            trail.record(event(Layer.FILTER, Outcome.DENIED, "\"},attacker-" + i));
        }
        trail.record(event(Layer.FILTER, Outcome.DENIED, "ZT-2012"));           // admitted: keeps its own tag
        trail.record(event(Layer.FILTER, Outcome.DENIED, "x".repeat(MicrometerAuditMetrics.MAX_REASON_LENGTH + 1)));
        assertThat(trail.closeAndDrain()).isTrue();

        Set<String> tags = reasonTags();
        assertThat(tags).hasSize(MicrometerAuditMetrics.MAX_REASONS + 1).contains(MicrometerAuditMetrics.OTHER_REASON, "ZT-2012");
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "ZT-2012")).isEqualTo(2);
        // positive control: the first hostile reasons within the bound have their own tag, once each
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "\"},attacker-0")).isEqualTo(1);
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "\"},attacker-254")).isEqualTo(1);
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, "\"},attacker-255")).isZero();
        assertThat(decisions(Layer.FILTER, Outcome.DENIED, MicrometerAuditMetrics.OTHER_REASON))
                .isEqualTo(1_000 - (MicrometerAuditMetrics.MAX_REASONS - 1) + 1);
        assertThat(totalDecisions()).isEqualTo(1_003);
    }

    @Test
    void recordedWhenThreadsRaceWithDistinctReasonsThenTheBoundHoldsAcrossLayersAndOutcomes() throws Exception {
        AuditTrail trail = trail(delivered::add, 100_000);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        // every thread also repeats the others' reasons: same string admitted concurrently
                        trail.record(event(Layer.values()[(thread + i) % 4], Outcome.values()[i % 2], "r-" + (i * 7 + thread) % 600));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(reasonTags()).hasSizeLessThanOrEqualTo(MicrometerAuditMetrics.MAX_REASONS + 1)
                .contains(MicrometerAuditMetrics.OTHER_REASON);
        assertThat(reasonTags().size()).isGreaterThan(MicrometerAuditMetrics.MAX_REASONS / 2);   // not all "other"
        assertThat(totalDecisions()).isEqualTo(threads * 500);
    }

    @Test
    void bindToWhenTrailDropsAndSinkFailsThenFunctionCountersFollowTheTrail() throws Exception {
        BlockingSink blocking = new BlockingSink();
        AuditTrail blocked = trail(blocking, 2);
        metrics.bindTo(blocked);
        blocked.record(event(Layer.CLIENT, Outcome.GRANTED, "ZT-7000"));
        assertThat(blocking.started.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            blocked.record(event(Layer.CLIENT, Outcome.GRANTED, "ZT-7000"));
        }
        FunctionCounter trailDropped = registry.get(MicrometerAuditMetrics.TRAIL_DROPPED).functionCounter();
        assertThat(trailDropped.count()).isEqualTo(blocked.dropped()).isEqualTo(8);
        assertThat(dropped(Layer.CLIENT)).isEqualTo(8);
        blocking.release.countDown();

        SimpleMeterRegistry other = new SimpleMeterRegistry();
        MicrometerAuditMetrics failing = new MicrometerAuditMetrics(other);
        AuditTrail broken = AuditTrail.builder().metrics(failing).sink(e -> {
            throw new IllegalStateException("sink down");
        }).build();
        trails.add(broken);
        failing.bindTo(broken);
        for (int i = 0; i < 3; i++) {
            broken.record(event(Layer.JPA, Outcome.DENIED, "ZT-4001"));
        }
        assertThat(broken.closeAndDrain()).isTrue();
        assertThat(other.get(MicrometerAuditMetrics.TRAIL_SINK_FAILURES).functionCounter().count()).isEqualTo(3);
        assertThat(other.get(MicrometerAuditMetrics.DECISIONS).tag("reason", "ZT-4001").counter().count()).isEqualTo(3);
        other.close();
    }

    @Test
    void constructorWhenBuiltThenDroppedCountersExistAtZeroForEveryLayer() {
        java.util.Collection<Meter> droppedMeters = registry.find(MicrometerAuditMetrics.DROPPED).meters();
        assertThat(droppedMeters).hasSize(Layer.values().length);
        assertThat(totalDropped()).isZero();
        assertThat(registry.find(MicrometerAuditMetrics.DECISIONS).meters()).isEmpty();
    }
}
