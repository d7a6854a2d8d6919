package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.Actor;
import dev.zt.core.AccessDeniedException;
import dev.zt.core.ActorKind;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import org.junit.jupiter.api.Test;

class GuardsTest {

    private final Actor alice = TestActors.withScopes("orders:write", "orders:read");

    @Test
    void assertScopeWhenActorHoldsAllThenReturnsActor() {
        assertThat(Guards.assertScope(alice, "orders:write", "orders:read")).isSameAs(alice);
    }

    @Test
    void assertScopeWhenActorLacksOneThenInsufficientScopeWithTheMissingOne() {
        assertThatThrownBy(() -> Guards.assertScope(alice, "orders:write", "orders:delete"))
                .isInstanceOfSatisfying(InsufficientScopeException.class,
                        e -> assertThat(e.requiredScopes()).containsExactly("orders:delete"))
                .hasMessageStartingWith("ZT-3001");
    }

    @Test
    void assertScopeWhenLookAlikeOrCaseVariantThenDenied() {
        Actor writer = TestActors.withScopes("orders:writer", "Orders:Write", "orders:*");

        assertThatThrownBy(() -> Guards.assertScope(writer, "orders:write")).isInstanceOf(InsufficientScopeException.class);
    }

    @Test
    void assertScopeWhenNoScopeNamedThenRejectedNotGranted() {
        assertThatThrownBy(() -> Guards.assertScope(alice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-3010");
    }

    @Test
    void assertScopeWhenRequiredScopeHasTrailingSpaceThenRejected() {
        assertThatThrownBy(() -> Guards.assertScope(alice, "orders:write ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guardsWhenActorIsNullThenNoActor() {
        assertThatThrownBy(() -> Guards.assertScope(null, "orders:read")).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> Guards.assertAnyScope(null, "orders:read")).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> Guards.assertTenant(null, "acme")).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> Guards.assertKind(null, ActorKind.USER)).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> Guards.assertActingFor(null, "alice")).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> Guards.assertNotDelegated(null)).isInstanceOf(NoActorException.class);
    }

    @Test
    void assertAnyScopeWhenOneMatchesThenPassesElseNamesAll() {
        assertThat(Guards.assertAnyScope(alice, "orders:admin", "orders:read")).isSameAs(alice);
        assertThatThrownBy(() -> Guards.assertAnyScope(alice, "orders:admin", "billing:read"))
                .isInstanceOfSatisfying(InsufficientScopeException.class,
                        e -> assertThat(e.requiredScopes()).containsExactlyInAnyOrder("orders:admin", "billing:read"));
    }

    @Test
    void assertTenantWhenSameTenantThenPasses() {
        assertThat(Guards.assertTenant(alice, "acme")).isSameAs(alice);
    }

    @Test
    void assertTenantWhenOtherTenantOrCaseVariantThenAccessDenied() {
        for (String other : new String[] {"globex", "ACME", "acme ", "acm", ""}) {
            assertThatThrownBy(() -> Guards.assertTenant(alice, other))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccessDeniedException.Reason.WRONG_TENANT))
                    .hasMessageStartingWith("ZT-3002");
        }
    }

    @Test
    void assertTenantWhenResourceTenantUnknownOrActorHasNoTenantThenAccessDenied() {
        Actor tenantless = Actor.builder("svc", ActorKind.SERVICE).scopes("orders:read")
                .validFor(TestActors.CLOCK, java.time.Duration.ofMinutes(1)).build();

        assertThatThrownBy(() -> Guards.assertTenant(alice, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertTenant(tenantless, "acme")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void assertKindWhenKindAllowedThenPassesElseAccessDenied() {
        Actor worker = TestActors.worker("reports:run");

        assertThat(Guards.assertKind(worker, ActorKind.SERVICE, ActorKind.WORKER)).isSameAs(worker);
        assertThatThrownBy(() -> Guards.assertKind(alice, ActorKind.SERVICE, ActorKind.WORKER))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDeniedException.Reason.WRONG_KIND))
                .hasMessageStartingWith("ZT-3003");
    }

    @Test
    void assertActingForWhenDelegateActsForThatSubjectThenPasses() {
        Actor assistant = TestActors.delegate("alice", "mail-assistant", "mail:send");

        assertThat(Guards.assertActingFor(assistant, "alice")).isSameAs(assistant);
    }

    @Test
    void assertActingForWhenNotDelegatedOrForSomeoneElseThenAccessDenied() {
        Actor assistantForBob = TestActors.delegate("bob", "mail-assistant", "mail:send");

        assertThatThrownBy(() -> Guards.assertActingFor(alice, "alice"))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDeniedException.Reason.NOT_ACTING_FOR));
        assertThatThrownBy(() -> Guards.assertActingFor(assistantForBob, "alice")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertActingFor(assistantForBob, "mail-assistant"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertActingFor(assistantForBob, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void assertNotDelegatedWhenInPersonThenPassesElseAccessDenied() {
        assertThat(Guards.assertNotDelegated(alice)).isSameAs(alice);
        assertThatThrownBy(() -> Guards.assertNotDelegated(TestActors.delegate("alice", "mail-assistant")))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessDeniedException.Reason.DELEGATED))
                .hasMessageStartingWith("ZT-3005");
    }
}
