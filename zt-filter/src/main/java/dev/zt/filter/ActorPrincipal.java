package dev.zt.filter;

import dev.zt.core.Actor;
import java.security.Principal;
import java.util.Objects;

/** What {@code HttpServletRequest.getUserPrincipal()} returns under zt: the verified {@link Actor}. */
public final class ActorPrincipal implements Principal {

    private final Actor actor;

    public ActorPrincipal(Actor actor) {
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** The actor's subject. */
    @Override
    public String getName() {
        return actor.subject();
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActorPrincipal other && actor.equals(other.actor);
    }

    @Override
    public int hashCode() {
        return actor.hashCode();
    }

    @Override
    public String toString() {
        return "ActorPrincipal[" + actor + "]";
    }
}
