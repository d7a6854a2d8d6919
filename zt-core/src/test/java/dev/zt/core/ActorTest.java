package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    private static Actor.Builder alice() {
        return Actor.builder("alice", ActorKind.USER).validFor(CLOCK, Duration.ofMinutes(5));
    }

    @Test
    void hasScopeWhenLookAlikeThenFalse() {
        Actor actor = alice().scopes("orders:write").build();
        assertThat(actor.hasScope("orders:write")).isTrue();
        assertThat(actor.hasScope("orders:writer")).isFalse();
        assertThat(actor.hasScope("orders:write ")).isFalse();
        assertThat(actor.hasScope("Orders:Write")).isFalse();
        assertThat(actor.hasScope("orders:*")).isFalse();
        assertThat(actor.hasScope(null)).isFalse();
    }

    @Test
    void buildWhenTenantInvalidThenRefused() {
        assertThat(alice().tenant("acme-1.eu_west").build().tenant()).contains("acme-1.eu_west");
        assertThatThrownBy(() -> alice().tenant("../x").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice().tenant("").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenScopeHasSpaceThenRefused() {
        assertThatThrownBy(() -> alice().scopes("a b").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildWhenNoValidityThenRefused() {
        assertThatThrownBy(() -> Actor.builder("job", ActorKind.WORKER).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isExpiredWhenClockReachesExpiryThenTrue() {
        Actor actor = alice().build();
        assertThat(actor.isExpired(CLOCK)).isFalse();
        assertThat(actor.isExpired(Clock.offset(CLOCK, Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void toStringWhenLoggedThenNoTokenMaterial() {
        Actor actor = alice().tokenId("jti-123").tenant("acme").build();
        assertThat(actor.toString()).contains("alice", "acme").doesNotContain("jti-123");
    }
}
