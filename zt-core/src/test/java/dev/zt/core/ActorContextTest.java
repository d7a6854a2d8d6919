package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorContextTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private final Actor alice = actor("alice", "acme");
    private final Actor bob = actor("bob", "globex");

    private static Actor actor(String subject, String tenant) {
        return Actor.builder(subject, ActorKind.USER).tenant(tenant).scopes("orders:read").validFor(CLOCK, Duration.ofMinutes(5)).build();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(ActorContext.current()).isEmpty();
    }

    @Test
    void requireWhenNoActorThenNoActorException() {
        assertThatThrownBy(ActorContext::require).isInstanceOf(NoActorException.class).hasMessageContaining("ZT-1001");
    }

    @Test
    void runAsWhenTaskRunsThenActorCurrentAndRemovedAfterwards() {
        AtomicReference<Actor> seen = new AtomicReference<>();
        ActorContext.runAs(alice, () -> seen.set(ActorContext.require()));
        assertThat(seen.get()).isSameAs(alice);
        assertThat(ActorContext.current()).isEmpty();
    }

    @Test
    void runAsWhenNestedThenOuterActorRestored() {
        ActorContext.runAs(alice, () -> {
            ActorContext.runAs(bob, () -> assertThat(ActorContext.require()).isSameAs(bob));
            assertThat(ActorContext.require()).isSameAs(alice);
        });
    }

    @Test
    void runAsWhenTaskThrowsThenContextStillCleared() {
        assertThatThrownBy(() -> ActorContext.runAs(alice, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(ActorContext.current()).isEmpty();
    }

    @Test
    void runAsWhenActorNullThenRefused() {
        assertThatThrownBy(() -> ActorContext.runAs(null, () -> { })).isInstanceOf(NullPointerException.class);
    }

    @Test
    void newThreadWhenStartedUnderAnActorThenDoesNotInheritIt() throws Exception {
        AtomicReference<Optional<Actor>> seen = new AtomicReference<>();
        ActorContext.runAs(alice, () -> {
            Thread child = new Thread(() -> seen.set(ActorContext.current()));
            child.start();
            try {
                child.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(seen.get()).isEmpty();
    }

    @Test
    void carryWhenSubmittedToPoolThenTaskRunsAsCapturedActorAndPoolThreadIsCleanAfterwards() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Actor> carried = ActorContext.getAs(alice, () -> pool.submit(ActorContext.carry(ActorContext::require)));
            assertThat(carried.get(5, TimeUnit.SECONDS)).isSameAs(alice);
            assertThat(pool.submit(ActorContext::current).get(5, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void carryWhenNoActorThenRefusedAtOnce() {
        assertThatThrownBy(() -> ActorContext.carry(() -> { })).isInstanceOf(NoActorException.class);
    }

    @Test
    void bindingWhenClosedOnAnotherThreadThenRefused() throws Exception {
        ActorContext.Binding binding = ActorContext.bind(alice);
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    binding.close();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            other.start();
            other.join(5_000);
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
            assertThat(ActorContext.require()).isSameAs(alice);
        } finally {
            binding.close();
        }
    }

    @Test
    void carryWhenACorrelationIsBoundThenTheTaskRunsWithItAndThePoolThreadIsCleanAfterwards() throws Exception {
        Actor alice = Actor.builder("alice", ActorKind.USER).validFor(Clock.systemUTC(), Duration.ofMinutes(5)).build();
        RequestCorrelation request = new RequestCorrelation("req-1", null, "10.0.0.1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Callable<RequestCorrelation> seen = () -> RequestCorrelation.current().orElse(null);
            Future<RequestCorrelation> carried;
            try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(request)) {
                carried = ActorContext.getAs(alice, () -> pool.submit(ActorContext.carry(seen)));
            }
            assertThat(carried.get()).isEqualTo(request);
            assertThat(pool.submit(seen).get()).isNull();                        // nothing lingers on the pool thread
            Future<RequestCorrelation> uncorrelated = ActorContext.getAs(alice, () -> pool.submit(ActorContext.carry(seen)));
            assertThat(uncorrelated.get()).isNull();                             // none bound: none carried
        } finally {
            pool.shutdownNow();
        }
    }
}
