package dev.zt.filter.it;

import static dev.zt.filter.it.Refusals.assertAccepted;
import static dev.zt.filter.it.Refusals.assertInvalidToken;
import static dev.zt.filter.it.Refusals.assertNoCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditSink;
import dev.zt.core.AuditTrail;
import dev.zt.core.Jwks;
import dev.zt.core.testing.MutableClock;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A flood of refused requests never makes an allowed request wait for the audit trail, even when its
 * sink blocks forever (the worst case: a log collector that hangs). 5,000 refusals from four client
 * threads (no token, a malformed token, a forged signature) run while two threads send allowed
 * requests; the trail has a queue of {@value #CAPACITY}. Every allowed request answers 200 with the
 * application's body and every refusal its 401, all within a generous preemptive timeout (a request
 * waiting on the sink would hang for good); exactly capacity + 1 events are ever held (one in the
 * sink, the queue full), every other one is dropped and counted, and every refusal is still counted by
 * reason. The positive control runs the same flood with a healthy sink: one event per refused request,
 * nothing dropped. Timing is never asserted, only completion (figures: zt-benchmarks README,
 * "Audit under a flood of denied requests").
 */
class AuditFloodIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final Duration GENEROUS = Duration.ofSeconds(180);
    private static final int CAPACITY = 16;
    private static final int FLOOD_THREADS = 4;
    private static final int DENIED_PER_THREAD = 1_250;
    private static final int DENIED = FLOOD_THREADS * DENIED_PER_THREAD;
    private static final int ALLOWED_THREADS = 2;
    /** Each allowed thread sends at least this many, and keeps going until the flood is over. */
    private static final int MIN_ALLOWED_PER_THREAD = 100;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch releaseSink = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        releaseSink.countDown();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** Counts what the trail records, by outcome and reason, and what it drops: on the recording thread. */
    private static final class Counts implements AuditMetrics {
        final Map<String, LongAdder> recorded = new ConcurrentHashMap<>();
        final LongAdder dropped = new LongAdder();

        @Override
        public void recorded(AuditEvent event) {
            recorded.computeIfAbsent(event.outcome() + " " + event.reason(), k -> new LongAdder()).increment();
        }

        @Override
        public void dropped(AuditEvent event) {
            dropped.increment();
        }

        Map<String, Long> of(Outcome outcome) {
            return recorded.entrySet().stream().filter(e -> e.getKey().startsWith(outcome + " "))
                    .collect(Collectors.toMap(e -> e.getKey().substring(outcome.name().length() + 1),
                            e -> e.getValue().sum(), Long::sum, TreeMap::new));
        }

        long total() {
            return recorded.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    /** Blocks on its first delivery until the test ends, and keeps what it was finally given. */
    private final class BlockedSink implements AuditSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(AuditEvent event) {
            entered.countDown();
            try {
                releaseSink.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(event);
        }
    }

    /** What the clients sent and saw; every reply was asserted as it arrived. */
    private record Flood(Set<String> deniedActions, Map<String, Long> deniedByReason, int allowed, int allowedWhileDropping) {
    }

    private ZeroTrustServer server(AuditTrail trail) {
        toClose.add(trail);
        ZeroTrustServer server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).auditTrail(trail).build());
        toClose.add(server);
        return server;
    }

    /**
     * Four threads send {@value #DENIED} refused requests, each to its own path; two threads send allowed
     * requests until the flood is over. Every reply is asserted on the spot.
     */
    private static Flood flood(ZeroTrustServer server, AuditTrail trail) throws Exception {
        Http http = new Http(server);
        String valid = TestTokens.valid(CLOCK).sign();
        String forged = Tokens.flipSignatureByte(TestTokens.valid(CLOCK).subject("mallory").sign());
        Set<String> deniedActions = ConcurrentHashMap.newKeySet();
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger allowedWhileDropping = new AtomicInteger();
        AtomicBoolean floodOver = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(FLOOD_THREADS + ALLOWED_THREADS);
        try {
            List<Future<?>> flooders = new ArrayList<>();
            for (int t = 0; t < FLOOD_THREADS; t++) {
                int thread = t;
                flooders.add(clients.submit(() -> {
                    go.await();
                    for (int i = 0; i < DENIED_PER_THREAD; i++) {
                        String path = "/flood/" + thread + "/" + i;
                        switch (i % 3) {
                            case 0 -> assertNoCredentials(http.get(path));
                            case 1 -> assertInvalidToken(http.bearer(path, "not-a-token"));
                            default -> assertInvalidToken(http.bearer(path, forged));
                        }
                        assertThat(deniedActions.add("GET " + path)).isTrue();
                    }
                    return null;
                }));
            }
            List<Future<?>> allowers = new ArrayList<>();
            for (int t = 0; t < ALLOWED_THREADS; t++) {
                int thread = t;
                allowers.add(clients.submit(() -> {
                    go.await();
                    for (int i = 0; i < MIN_ALLOWED_PER_THREAD || !floodOver.get(); i++) {
                        assertAccepted(http.bearer("/orders/" + thread + "/" + i, valid), "alice");
                        allowed.incrementAndGet();
                        if (trail.dropped() > 0) {
                            allowedWhileDropping.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : flooders) {
                f.get();
            }
            floodOver.set(true);
            for (Future<?> f : allowers) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new Flood(deniedActions, expectedReasons(), allowed.get(), allowedWhileDropping.get());
    }

    /** The reason of each kind of refusal the flood sends, times how many of that kind it sends. */
    private static Map<String, Long> expectedReasons() {
        long[] kinds = new long[3];
        for (int i = 0; i < DENIED_PER_THREAD; i++) {
            kinds[i % 3] += FLOOD_THREADS;
        }
        return new TreeMap<>(Map.of("ZT-2000", kinds[0], "ZT-2002", kinds[1], "ZT-2012", kinds[2]));
    }

    @Test
    void floodWhenSinkBlocksForeverThenAllowedRequestsAnswerAndEveryEventBeyondTheQueueIsDroppedAndCounted()
            throws Exception {
        BlockedSink sink = new BlockedSink();
        Counts counts = new Counts();
        AuditTrail trail = AuditTrail.builder().sink(sink).metrics(counts).queueCapacity(CAPACITY)
                .closeTimeout(Duration.ofSeconds(10)).build();
        ZeroTrustServer server = server(trail);

        Flood flood = assertTimeoutPreemptively(GENEROUS, () -> flood(server, trail),
                "a request waited for the blocked audit sink");

        assertThat(sink.entered.getCount()).as("the sink took the first event and blocked").isZero();
        assertThat(sink.delivered).as("still blocked: nothing has come out of the sink").isEmpty();
        assertThat(flood.deniedActions()).hasSize(DENIED);
        assertThat(flood.allowed()).isGreaterThanOrEqualTo(ALLOWED_THREADS * MIN_ALLOWED_PER_THREAD);
        assertThat(flood.allowedWhileDropping()).as("allowed requests answered while the queue overflowed").isPositive();
        // every refusal recorded, by reason, though almost none could be queued
        assertThat(counts.of(Outcome.DENIED)).isEqualTo(flood.deniedByReason());
        // exactly one event in the sink and CAPACITY queued; everything else dropped and counted
        // (the filter records refusals only, so this is DENIED - CAPACITY - 1; grants, if ever recorded, count too)
        long recorded = counts.total();
        assertThat(recorded).isEqualTo(DENIED + counts.of(Outcome.GRANTED).values().stream().mapToLong(Long::longValue).sum());
        assertThat(trail.dropped()).isEqualTo(recorded - CAPACITY - 1);
        assertThat(counts.dropped.sum()).isEqualTo(trail.dropped());
        assertThat(trail.sinkFailures()).isZero();

        // memory stayed bounded: once released, the sink receives exactly what was held, capacity + 1
        releaseSink.countDown();
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(sink.delivered).hasSize(CAPACITY + 1);
        assertThat(trail.dropped()).isEqualTo(recorded - CAPACITY - 1);
    }

    @Test
    void floodWhenSinkHealthyThenExactlyOneEventPerRefusedRequestAndNothingDropped() throws Exception {
        List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
        Counts counts = new Counts();
        AuditTrail trail = AuditTrail.builder().sink(delivered::add).metrics(counts).queueCapacity(2 * DENIED + 10_000)
                .closeTimeout(Duration.ofSeconds(30)).build();
        ZeroTrustServer server = server(trail);

        Flood flood = assertTimeoutPreemptively(GENEROUS, () -> flood(server, trail));

        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(trail.dropped()).isZero();
        assertThat(trail.sinkFailures()).isZero();
        assertThat(flood.allowedWhileDropping()).isZero();
        List<AuditEvent> denied = delivered.stream().filter(e -> e.outcome() == Outcome.DENIED).toList();
        assertThat(denied).hasSize(DENIED);
        assertThat(denied.stream().map(e -> e.action().orElseThrow()).collect(Collectors.toSet()))
                .isEqualTo(flood.deniedActions());
        Map<String, Long> deliveredByReason =
                denied.stream().collect(Collectors.groupingBy(AuditEvent::reason, TreeMap::new, Collectors.counting()));
        assertThat(deliveredByReason)
                .isEqualTo(flood.deniedByReason())
                .isEqualTo(counts.of(Outcome.DENIED));
        assertThat(delivered).hasSize((int) counts.total());
    }
}
