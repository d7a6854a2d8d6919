package dev.zt.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.ActorContext;
import dev.zt.core.NoActorException;
import dev.zt.jpa.internal.CrossTenantSection;
import org.junit.jupiter.api.Test;

class ActorTenantResolverTest {

    private final ActorTenantResolver resolver = new ActorTenantResolver();

    @Test
    void resolve_withActorOfTenant_returnsThatTenant() {
        assertThat(ActorContext.getAs(TestActors.alice(), resolver::resolveCurrentTenantIdentifier)).isEqualTo("acme");
        assertThat(ActorContext.getAs(TestActors.bob(), resolver::resolveCurrentTenantIdentifier)).isEqualTo("globex");
    }

    @Test
    void resolve_withoutActor_throwsNoActor() {
        assertThatThrownBy(resolver::resolveCurrentTenantIdentifier).isInstanceOf(NoActorException.class);
    }

    @Test
    void resolve_actorWithoutTenant_throwsMissingTenant() {
        assertThatThrownBy(() -> ActorContext.runAs(TestActors.noTenant(), resolver::resolveCurrentTenantIdentifier))
                .isInstanceOf(MissingTenantException.class).hasMessageStartingWith("ZT-4001");
    }

    @Test
    void resolve_insideCrossTenantSection_isRootOnlyUntilClosed() {
        ActorContext.runAs(TestActors.admin(), () -> {
            try (CrossTenantSection ignored = CrossTenantSection.open()) {
                String tenant = resolver.resolveCurrentTenantIdentifier();
                assertThat(tenant).isEqualTo(ActorTenantResolver.CROSS_TENANT);
                assertThat(resolver.isRoot(tenant)).isTrue();
            }
            assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo("acme");
            assertThat(CrossTenantSection.isOpen()).isFalse();
        });
    }

    @Test
    void isRoot_forRealTenant_isFalse() {
        assertThat(resolver.isRoot("acme")).isFalse();
        assertThat(resolver.isRoot("*x")).isFalse();
    }
}
