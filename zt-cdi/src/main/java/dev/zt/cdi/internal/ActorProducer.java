package dev.zt.cdi.internal;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Produces {@code @Inject Actor}: the actor of {@link ActorContext} at the moment of injection, or
 * {@link dev.zt.core.NoActorException}. {@code Actor} is a final immutable class and cannot be
 * proxied, so it is {@link Dependent}: a bean that keeps it keeps the caller of the moment it was
 * created. {@link dev.zt.cdi.ZeroTrustExtension} therefore refuses to inject it into beans that
 * outlive a call ({@code ZT-3012}); those inject {@code Provider<Actor>} and call {@code get()}.
 */
@Dependent
public class ActorProducer {

    @Produces
    @Dependent
    Actor currentActor() {
        return ActorContext.require();
    }
}
