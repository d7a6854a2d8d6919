package dev.zt.cdi;

import dev.zt.core.Actor;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One decision of the {@link RequiresScope} interceptor, granted or denied, fired synchronously as a
 * CDI event before the method runs (or the denial is thrown). Observe it for an audit trail:
 *
 * <pre>{@code
 * void audit(@Observes AccessDecision decision) { ... }
 * }</pre>
 *
 * <p>An observer that throws cannot turn a denial into a grant: the denial is thrown anyway, with the
 * observer's exception attached as suppressed. An observer that throws on a grant stops the call
 * (fail closed: no audited grant, no access).
 *
 * @param actor          the actor, empty when there was none
 * @param beanClass      the bean class whose method was called
 * @param method         the business method
 * @param requirement    the scopes it requires
 * @param outcome        granted, or why it was denied
 * @param missingScopes  the scopes the actor lacked; empty unless {@link Outcome#DENIED_INSUFFICIENT_SCOPE}
 */
public record AccessDecision(Optional<Actor> actor, Class<?> beanClass, Method method, ScopeRequirement requirement,
                             Outcome outcome, Set<String> missingScopes) {

    /** How a call was decided; each outcome has a stable message id. */
    public enum Outcome {
        GRANTED("ZT-3000"),
        /** There was no actor: never "anonymous allowed". */
        DENIED_NO_ACTOR("ZT-1001"),
        DENIED_INSUFFICIENT_SCOPE("ZT-3001");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public AccessDecision {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(outcome, "outcome");
        missingScopes = Set.copyOf(missingScopes);
        if (outcome == Outcome.GRANTED && (actor.isEmpty() || !missingScopes.isEmpty())) {
            throw new IllegalArgumentException("a granted decision has an actor and misses no scope");
        }
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    /** E.g. {@code ZT-3001 DENIED_INSUFFICIENT_SCOPE com.acme.OrderService#place alice lacks [orders:write]}. */
    @Override
    public String toString() {
        return outcome.id() + " " + outcome + " " + beanClass.getName() + "#" + method.getName() + " "
                + actor.map(Actor::subject).orElse("(no actor)")
                + (missingScopes.isEmpty() ? "" : " lacks " + missingScopes);
    }
}
