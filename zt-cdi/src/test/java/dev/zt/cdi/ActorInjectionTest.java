package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.fixtures.ActorObserver;
import dev.zt.cdi.fixtures.CallerEcho;
import dev.zt.cdi.fixtures.LongLivedCaller;
import dev.zt.cdi.fixtures.RequestCaller;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.NoActorException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class ActorInjectionTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new ZeroTrustExtension())
            .addBeanClasses(CallerEcho.class, RequestCaller.class, LongLivedCaller.class, ActorObserver.class)).build();

    @Inject
    Instance<CallerEcho> echoes;

    @Inject
    LongLivedCaller longLived;

    @Inject
    Instance<RequestCaller> requestCaller;

    @Inject
    RequestContextController requests;

    @Inject
    Event<String> events;

    @Inject
    ActorObserver observer;

    private final Actor alice = TestActors.withScopes("orders:read");

    @Test
    void injectActorWhenDependentBeanIsCreatedThenItHasTheCurrentActor() {
        Actor carol = actorNamed("carol");

        assertThat(ActorContext.getAs(alice, () -> echoes.get().subject())).isEqualTo("alice");
        assertThat(ActorContext.getAs(carol, () -> echoes.get().subject())).isEqualTo("carol");
    }

    @Test
    void injectActorWhenNoActorThenCreationFailsWithNoActor() {
        assertThatThrownBy(() -> echoes.get().subject()).isInstanceOf(NoActorException.class);
    }

    @Test
    void providerOfActorWhenApplicationScopedBeanIsCalledByTwoActorsThenEachCallSeesItsOwn() {
        Actor carol = actorNamed("carol");

        assertThat(ActorContext.getAs(alice, longLived::subject)).isEqualTo("alice");
        assertThat(ActorContext.getAs(carol, longLived::subject)).isEqualTo("carol");
        assertThatThrownBy(longLived::subject).isInstanceOf(NoActorException.class);
    }

    @Test
    void injectActorWhenRequestScopedBeanThenEachRequestSeesItsCaller() {
        Actor carol = actorNamed("carol");

        assertThat(inRequest(alice)).isEqualTo("alice");
        assertThat(inRequest(carol)).isEqualTo("carol");
    }

    @Test
    void injectActorWhenObserverParameterThenResolvedPerEvent() {
        Actor carol = actorNamed("carol");

        ActorContext.runAs(alice, () -> events.fire("first"));
        ActorContext.runAs(carol, () -> events.fire("second"));

        assertThat(observer.subjects()).containsExactly("first:alice", "second:carol");
    }

    private String inRequest(Actor actor) {
        requests.activate();
        try {
            return ActorContext.getAs(actor, () -> requestCaller.get().subject());
        } finally {
            requests.deactivate();
        }
    }

    private static Actor actorNamed(String subject) {
        return Actor.builder(subject, ActorKind.USER).tenant("acme").scopes("orders:read")
                .validFor(TestActors.CLOCK, Duration.ofMinutes(5)).build();
    }
}
