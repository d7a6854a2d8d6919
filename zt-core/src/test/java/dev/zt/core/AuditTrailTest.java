package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static AuditEvent event(int n) {
        return AuditEvent.builder(T, Layer.FILTER, Outcome.DENIED, "ZT-2000").action("GET /" + n).build();
    }

    private static List<String> actions(List<AuditEvent> events) {
        return events.stream().map(e -> e.action().orElseThrow()).toList();
    }

    private static List<String> expected(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> "GET /" + i).toList();
    }

    /** A sink that blocks every delivery until {@link #release} opens, and tells when the first one started. */
    private static final class BlockingSink implements AuditSink {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<AuditEvent> seen = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(AuditEvent event) {
            started.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            seen.add(event);
        }
    }

    @Test
    void recordWhenSinkHealthyThenEveryEventDeliveredInOrder() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        AuditTrail trail = AuditTrail.builder().sink(seen::add).queueCapacity(1000).build();
        for (int i = 0; i < 500; i++) {
            trail.record(event(i));
        }
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(actions(seen)).isEqualTo(expected(0, 500));
        assertThat(trail.dropped()).isZero();
        assertThat(trail.sinkFailures()).isZero();
    }

    @Test
    void recordWhenQueueFullThenNewestDroppedAndCountedAndCallerNeverBlocks() throws Exception {
        BlockingSink sink = new BlockingSink();
        AuditTrail trail = AuditTrail.builder().sink(sink).queueCapacity(10).build();
        trail.record(event(0));                                   // taken by the delivery thread, which then blocks
        assertThat(sink.started.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 1; i <= 10_000; i++) {
                trail.record(event(i));                           // 10 fit, 9 990 must not wait
            }
        });
        assertThat(trail.dropped()).isEqualTo(9_990);
        sink.release.countDown();
        assertThat(trail.closeAndDrain()).isTrue();
        // positive control: the oldest were kept, the newest dropped
        assertThat(actions(sink.seen)).isEqualTo(expected(0, 11));
    }

    @Test
    void recordWhenSinkThrowsThenCallerUnaffectedFailureCountedAndLaterEventsStillDelivered() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        AuditTrail trail = AuditTrail.builder()
                .sink(e -> {
                    throw new IllegalStateException("disk full");
                })
                .sink(seen::add)
                .build();
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 3; i++) {
                trail.record(event(i));
            }
        });
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(trail.sinkFailures()).isEqualTo(3);
        assertThat(actions(seen)).isEqualTo(expected(0, 3));
    }

    @Test
    void recordWhenSinkThrowsErrorFromLinkageThenCountedAndThreadSurvives() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        int[] calls = {0};
        AuditTrail trail = AuditTrail.builder().sink(e -> {
            if (calls[0]++ == 0) {
                throw new NoClassDefFoundError("com/example/Missing");
            }
            seen.add(e);
        }).build();
        trail.record(event(0));
        trail.record(event(1));
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(trail.sinkFailures()).isEqualTo(1);
        assertThat(actions(seen)).containsExactly("GET /1");
    }

    @Test
    void closeWhenEventsQueuedThenDrainsThemBeforeReturning() {
        BlockingSink sink = new BlockingSink();
        AuditTrail trail = AuditTrail.builder().sink(sink).queueCapacity(100).build();
        for (int i = 0; i < 50; i++) {
            trail.record(event(i));
        }
        sink.release.countDown();
        assertTimeoutPreemptively(BOUND, () -> assertThat(trail.closeAndDrain()).isTrue());
        assertThat(actions(sink.seen)).isEqualTo(expected(0, 50));
    }

    @Test
    void closeWhenSinkStuckThenReturnsWithinTimeoutReportingUndelivered() throws Exception {
        BlockingSink sink = new BlockingSink();
        AuditTrail trail = AuditTrail.builder().sink(sink).closeTimeout(Duration.ofMillis(100)).build();
        trail.record(event(0));
        trail.record(event(1));
        assertThat(sink.started.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(BOUND, () -> assertThat(trail.closeAndDrain()).isFalse());
        sink.release.countDown();
    }

    @Test
    void recordWhenClosedThenDroppedAndCounted() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        AuditTrail trail = AuditTrail.builder().sink(seen::add).build();
        trail.record(event(0));
        trail.close();
        trail.record(event(1));
        assertThat(trail.dropped()).isEqualTo(1);
        assertThat(actions(seen)).containsExactly("GET /0");
    }

    @Test
    void eventWhenTrailHasClockThenStampedWithIt() {
        AuditTrail trail = AuditTrail.builder().sink(e -> { }).clock(CLOCK).build();
        try {
            assertThat(trail.event(Layer.FILTER, Outcome.GRANTED, "ZT-3000").build().time()).isEqualTo(T);
        } finally {
            trail.close();
        }
    }

    @Test
    void buildWhenNoSinkOrBadCapacityThenRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> AuditTrail.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JsonLinesAuditSink");
        assertThatThrownBy(() -> AuditTrail.builder().queueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    /** Counts by outcome and reason, as a metrics registry would. */
    private static final class CountingMetrics implements AuditMetrics {
        final java.util.Map<String, java.util.concurrent.atomic.LongAdder> recorded = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();

        @Override
        public void recorded(AuditEvent event) {
            recorded.computeIfAbsent(event.outcome() + " " + event.reason(), k -> new java.util.concurrent.atomic.LongAdder()).increment();
        }

        @Override
        public void dropped(AuditEvent event) {
            dropped.increment();
        }

        long count(String key) {
            var n = recorded.get(key);
            return n == null ? 0 : n.sum();
        }
    }

    @Test
    void metricsWhenQueueOverflowsThenCountsByOutcomeAndReasonStayExact() throws Exception {
        BlockingSink sink = new BlockingSink();
        CountingMetrics metrics = new CountingMetrics();
        AuditTrail trail = AuditTrail.builder().sink(sink).metrics(metrics).queueCapacity(10).build();
        try {
            trail.record(event(0));
            assertThat(sink.started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 500; i++) {
                trail.record(AuditEvent.builder(T, Layer.CDI, i % 2 == 0 ? Outcome.GRANTED : Outcome.DENIED,
                        i % 2 == 0 ? "ZT-3000" : "ZT-3001").build());
            }
            assertThat(metrics.count("DENIED ZT-2000")).isEqualTo(1);
            assertThat(metrics.count("GRANTED ZT-3000")).isEqualTo(250);
            assertThat(metrics.count("DENIED ZT-3001")).isEqualTo(250);
            assertThat(trail.dropped()).isEqualTo(490);                    // 10 queued behind the blocked one
            assertThat(metrics.dropped.sum()).isEqualTo(trail.dropped());
        } finally {
            sink.release.countDown();
            trail.close();
        }
    }

    @Test
    void metricsWhenTheyThrowThenCountedAsFailureAndEventStillDelivered() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        AuditTrail trail = AuditTrail.builder().sink(seen::add).metrics(e -> {
            throw new IllegalStateException("registry gone");
        }).build();
        assertTimeoutPreemptively(BOUND, () -> trail.record(event(1)));
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(actions(seen)).containsExactly("GET /1");
        assertThat(trail.sinkFailures()).isEqualTo(1);
    }

    @Test
    void eventWhenCorrelationBoundThenCarriedAndWhenUnboundThenAbsent() {
        AuditTrail trail = AuditTrail.builder().sink(e -> { }).clock(CLOCK).build();
        try {
            try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(new RequestCorrelation("r-1", null, "10.0.0.9"))) {
                AuditEvent inside = trail.event(Layer.CDI, Outcome.GRANTED, "ZT-3000").build();
                assertThat(inside.requestId()).contains("r-1");
                assertThat(inside.remoteAddress()).contains("10.0.0.9");
                assertThat(inside.layer()).isEqualTo(Layer.CDI);
            }
            AuditEvent after = trail.event(Layer.CDI, Outcome.GRANTED, "ZT-3000").build();
            assertThat(after.requestId()).isEmpty();
            assertThat(RequestCorrelation.current()).isEmpty();
        } finally {
            trail.close();
        }
    }
}
