package dev.zt.jpa;

import dev.zt.core.Actor;
import dev.zt.core.ActorKind;
import java.time.Clock;
import java.time.Duration;

/** Pre-filled actors: two tenants, one without a tenant, one cross-tenant administrator. */
final class TestActors {

    static final Clock CLOCK = Clock.systemUTC();

    private TestActors() {
    }

    static Actor alice() {
        return user("alice").tenant("acme").build();
    }

    static Actor bob() {
        return user("bob").tenant("globex").build();
    }

    static Actor noTenant() {
        return user("nobody").build();
    }

    static Actor admin() {
        return user("root-admin").tenant("acme").scopes(ZtJpaSettings.DEFAULT_CROSS_TENANT_SCOPE).build();
    }

    private static Actor.Builder user(String subject) {
        return Actor.builder(subject, ActorKind.USER).scopes("orders:read").validFor(CLOCK, Duration.ofHours(1));
    }
}
