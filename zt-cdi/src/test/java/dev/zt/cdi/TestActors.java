package dev.zt.cdi;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Pre-filled actors for tests: {@code TestActors.user("orders:write").build()}. */
final class TestActors {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    private TestActors() {
    }

    static Actor.Builder user(String... scopes) {
        return Actor.builder("alice", ActorKind.USER).tenant("acme").scopes(scopes).validFor(CLOCK, Duration.ofMinutes(5));
    }

    static Actor withScopes(String... scopes) {
        return user(scopes).build();
    }

    static Actor worker(String... scopes) {
        return Actor.builder("nightly-report", ActorKind.WORKER).tenant("acme").scopes(scopes)
                .validFor(CLOCK, Duration.ofMinutes(5)).build();
    }

    /** {@code agent} acting on behalf of {@code subject}. */
    static Actor delegate(String subject, String agent, String... scopes) {
        return Actor.builder(subject, ActorKind.USER).tenant("acme").scopes(scopes)
                .actingParties(List.of(ActingParty.of(agent))).validFor(CLOCK, Duration.ofMinutes(5)).build();
    }
}
