package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.fixtures.AuditObserver;
import dev.zt.cdi.fixtures.DecisionRecorder;
import dev.zt.cdi.fixtures.OrderService;
import dev.zt.cdi.internal.CdiAuditSink;
import dev.zt.core.AccessDeniedException;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import dev.zt.core.RequestCorrelation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each CDI-layer decision leaves exactly one audit event with the right fields, in the deployment's
 * installed trail; the trail's CDI sink hands every event to {@code @Observes AuditEvent} observers.
 */
@EnableWeld
class AuditEventsTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new ZeroTrustExtension())
            .addBeanClasses(OrderService.class, DecisionRecorder.class, AuditObserver.class)).build();

    @Inject
    OrderService orders;

    @Inject
    DecisionRecorder recorder;

    @Inject
    AuditObserver observer;

    private final List<AuditEvent> recorded = new CopyOnWriteArrayList<>();
    private AuditTrail trail;
    private Audit.Installation installation;

    @BeforeEach
    void installTrail() {
        trail = AuditTrail.builder().sink(recorded::add).sink(new CdiAuditSink()).build();
        installation = Audit.install(trail);
    }

    @AfterEach
    void uninstallTrail() {
        installation.close();
        trail.close();
    }

    /** Everything recorded so far, once delivered. */
    private List<AuditEvent> events() {
        assertThat(trail.closeAndDrain()).isTrue();
        return List.copyOf(recorded);
    }

    @Test
    void placeWhenGrantedThenOneGrantedEventWithActorMethodAndRequirement() {
        Actor writer = TestActors.withScopes("orders:write");

        ActorContext.runAs(writer, () -> orders.place("book"));

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.layer()).isEqualTo(Layer.CDI);
            assertThat(e.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(e.reason()).isEqualTo("ZT-3000");
            assertThat(e.actorSubject()).contains("alice");
            assertThat(e.actorKind()).contains(ActorKind.USER);
            assertThat(e.actorTenant()).contains("acme");
            assertThat(e.action()).contains(OrderService.class.getName() + "#place");
            assertThat(e.detail()).contains("requires all of [orders:write]");
        });
    }

    @Test
    void placeWhenScopeMissingThenOneDeniedEventNamingTheMissingScope() {
        Actor reader = TestActors.withScopes("orders:read");

        assertThatThrownBy(() -> ActorContext.runAs(reader, () -> orders.place("book")))
                .isInstanceOf(InsufficientScopeException.class);

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reason()).isEqualTo("ZT-3001");
            assertThat(e.actorSubject()).contains("alice");
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).endsWith("; lacks [orders:write]"));
        });
        assertThat(orders.executions()).isZero();
    }

    @Test
    void placeWhenNoActorThenOneDeniedEventWithoutActorFields() {
        assertThatThrownBy(() -> orders.place("book")).isInstanceOf(NoActorException.class);

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reason()).isEqualTo("ZT-1001");
            assertThat(e.actorSubject()).isEmpty();
            assertThat(e.actorTenant()).isEmpty();
        });
    }

    @Test
    void placeWhenAnObserverFailsOnTheGrantThenOneDeniedEventAndNoGrantedOne() {
        recorder.failWith(new IllegalStateException("audit sink down"));

        assertThatThrownBy(() -> ActorContext.runAs(TestActors.withScopes("orders:write"), () -> orders.place("book")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reason()).isEqualTo("ZT-3031");
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("IllegalStateException"));
        });
        assertThat(orders.executions()).isZero();
    }

    @Test
    void placeWhenDelegatedAndCorrelatedThenEventCarriesTheChainAndTheRequestIds() {
        Actor delegate = TestActors.delegate("alice", "orders-service", "orders:write");

        try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(
                new RequestCorrelation("req-42", "4bf92f3577b34da6a3ce929d0e0e4736", "10.9.8.7"))) {
            ActorContext.runAs(delegate, () -> orders.place("book"));
        }

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.delegation()).containsExactly("orders-service");
            assertThat(e.requestId()).contains("req-42");
            assertThat(e.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(e.remoteAddress()).contains("10.9.8.7");
        });
    }

    @Test
    void pingWhenPermittedWithoutScopeThenNoEvent() {
        orders.ping();

        assertThat(events()).isEmpty();
    }

    @Test
    void guardWhenTenantDiffersThenOneDeniedEventWithTheCallingMethodAsAction() {
        Actor acme = TestActors.withScopes("orders:read");

        Guards.assertTenant(acme, "acme");                       // positive control: passes, records nothing
        assertThatThrownBy(() -> Guards.assertTenant(acme, "globex")).isInstanceOf(AccessDeniedException.class);

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.layer()).isEqualTo(Layer.CDI);
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reason()).isEqualTo("ZT-3002");
            assertThat(e.actorTenant()).contains("acme");
            assertThat(e.action()).hasValueSatisfying(a -> assertThat(a)
                    .startsWith(AuditEventsTest.class.getName() + "#"));
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("globex"));
        });
    }

    @Test
    void guardsWhenEachKindOfCheckFailsThenOneEventEachWithItsReason() {
        Actor acme = TestActors.withScopes("orders:read");

        assertThatThrownBy(() -> Guards.assertScope(acme, "orders:write")).isInstanceOf(InsufficientScopeException.class);
        assertThatThrownBy(() -> Guards.assertKind(acme, ActorKind.SERVICE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertActingFor(acme, "bob")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertNotDelegated(TestActors.delegate("alice", "svc")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Guards.assertScope(null, "orders:read")).isInstanceOf(NoActorException.class);

        assertThat(events()).extracting(AuditEvent::reason)
                .containsExactly("ZT-3001", "ZT-3003", "ZT-3004", "ZT-3005", "ZT-1001");
    }

    @Test
    void cdiSinkWhenEventsDeliveredThenObserversGetEachOnTheAuditThread() {
        ActorContext.runAs(TestActors.withScopes("orders:write"), () -> orders.place("book"));
        assertThatThrownBy(() -> ActorContext.runAs(TestActors.withScopes("orders:read"), () -> orders.place("pen")))
                .isInstanceOf(InsufficientScopeException.class);

        List<AuditEvent> delivered = events();
        assertThat(observer.events()).containsExactlyElementsOf(delivered).hasSize(2);
        assertThat(observer.threads()).containsOnly("zt-audit");
    }

    @Test
    void cdiSinkWhenObserverThrowsThenCountedAndTheDecisionStands() {
        observer.failWith(new IllegalStateException("custom store down"));
        Actor writer = TestActors.withScopes("orders:write");

        ActorContext.runAs(writer, () -> orders.place("book"));

        assertThat(events()).hasSize(1);
        assertThat(trail.sinkFailures()).isEqualTo(1);
        assertThat(orders.executions()).isEqualTo(1);
    }
}
