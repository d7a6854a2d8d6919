package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.AccessDecision.Outcome;
import dev.zt.cdi.fixtures.DecisionRecorder;
import dev.zt.cdi.fixtures.OrderService;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class AccessDecisionEventTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new ZeroTrustExtension())
            .addBeanClasses(OrderService.class, DecisionRecorder.class)).build();

    @Inject
    OrderService orders;

    @Inject
    DecisionRecorder recorder;

    @Test
    void placeWhenGrantedThenGrantedDecisionCarriesActorMethodAndScopes() throws Exception {
        Actor writer = TestActors.withScopes("orders:write");

        ActorContext.runAs(writer, () -> orders.place("book"));

        assertThat(recorder.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(d.granted()).isTrue();
            assertThat(d.actor()).containsSame(writer);
            assertThat(d.beanClass()).isEqualTo(OrderService.class);
            assertThat(d.method()).isEqualTo(OrderService.class.getMethod("place", String.class));
            assertThat(d.requirement()).isEqualTo(ScopeRequirement.all("orders:write"));
            assertThat(d.missingScopes()).isEmpty();
        });
    }

    @Test
    void placeWhenDeniedThenDeniedDecisionCarriesMissingScopes() {
        Actor reader = TestActors.withScopes("orders:read");

        assertThatThrownBy(() -> ActorContext.runAs(reader, () -> orders.place("book")))
                .isInstanceOf(InsufficientScopeException.class);

        assertThat(recorder.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENIED_INSUFFICIENT_SCOPE);
            assertThat(d.granted()).isFalse();
            assertThat(d.actor()).containsSame(reader);
            assertThat(d.missingScopes()).containsExactly("orders:write");
            assertThat(d.toString()).startsWith("ZT-3001 DENIED_INSUFFICIENT_SCOPE dev.zt.cdi.fixtures.OrderService#place alice");
        });
    }

    @Test
    void placeWhenNoActorThenDeniedDecisionWithoutActor() {
        assertThatThrownBy(() -> orders.place("book")).isInstanceOf(NoActorException.class);

        assertThat(recorder.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENIED_NO_ACTOR);
            assertThat(d.actor()).isEmpty();
        });
    }

    @Test
    void placeWhenObserverThrowsOnDenialThenStillDeniedWithObserverFailureSuppressed() {
        IllegalStateException broken = new IllegalStateException("audit sink down");
        recorder.failWith(broken);
        Actor reader = TestActors.withScopes("orders:read");

        assertThatThrownBy(() -> ActorContext.runAs(reader, () -> orders.place("book")))
                .isInstanceOf(InsufficientScopeException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
        assertThatThrownBy(() -> orders.place("book"))
                .isInstanceOf(NoActorException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
        assertThat(orders.executions()).isZero();
    }

    @Test
    void placeWhenObserverThrowsOnGrantThenCallDoesNotProceed() {
        recorder.failWith(new IllegalStateException("audit sink down"));
        Actor writer = TestActors.withScopes("orders:write");

        assertThatThrownBy(() -> ActorContext.runAs(writer, () -> orders.place("book")))
                .isInstanceOf(IllegalStateException.class).hasMessage("audit sink down");

        assertThat(orders.executions()).isZero();
        assertThat(recorder.decisions()).singleElement().extracting(AccessDecision::outcome).isEqualTo(Outcome.GRANTED);
    }

    @Test
    void pingWhenPermittedWithoutScopeThenNoDecisionIsFired() {
        orders.ping();

        assertThat(recorder.decisions()).isEmpty();
    }
}
