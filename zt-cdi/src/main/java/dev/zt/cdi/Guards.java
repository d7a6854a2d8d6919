package dev.zt.cdi;

import dev.zt.cdi.internal.DecisionAudit;
import dev.zt.core.Actor;
import dev.zt.core.AccessDeniedException;
import dev.zt.core.ActorKind;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Explicit authorization checks for domain logic, usable from plain code as well as from beans.
 * Each returns the actor when it passes, so checks chain, and throws when it does not:
 *
 * <pre>{@code
 * Actor actor = Guards.assertScope(ActorContext.require(), "orders:write");
 * Guards.assertTenant(actor, order.tenantId());
 * Guards.assertKind(actor, ActorKind.SERVICE, ActorKind.WORKER);
 * Guards.assertActingFor(actor, order.customerId());   // a delegate acting on the customer's behalf
 * }</pre>
 *
 * A {@code null} actor is always denied with {@link NoActorException}. Comparisons are exact and
 * case-sensitive. Every denial is recorded as one audit event (layer {@code CDI}, the exception's
 * reason id, the calling method as the action); a passing guard records nothing (the grant of the
 * call it sits in is the interceptor's event). Guards fire no {@link AccessDecision} CDI event.
 */
public final class Guards {

    private Guards() {
    }

    /** The actor holds every one of {@code scopes}, or {@link InsufficientScopeException} names the missing ones. */
    public static Actor assertScope(Actor actor, String... scopes) {
        return assertScopes(actor, ScopeRequirement.all(scopes));
    }

    /** The actor holds at least one of {@code scopes}, or {@link InsufficientScopeException} names them. */
    public static Actor assertAnyScope(Actor actor, String... scopes) {
        return assertScopes(actor, ScopeRequirement.any(scopes));
    }

    /** The actor satisfies {@code requirement}, or {@link InsufficientScopeException} names what is missing. */
    public static Actor assertScopes(Actor actor, ScopeRequirement requirement) {
        Actor present = present(actor);
        Set<String> missing = requirement.missingFrom(present);
        if (!missing.isEmpty()) {
            DecisionAudit.guardDenied("ZT-3001", present, "requires " + requirement + "; lacks " + missing.stream().sorted().toList());
            throw new InsufficientScopeException(missing, "insufficient scope: " + present.subject()
                    + " needs " + requirement + ", lacks " + missing);
        }
        return present;
    }

    /**
     * The actor belongs to {@code tenant}. An actor without a tenant, or a {@code null} tenant (a
     * resource whose tenant is unknown), is denied.
     */
    public static Actor assertTenant(Actor actor, String tenant) {
        Actor present = present(actor);
        if (tenant == null || !present.tenant().map(tenant::equals).orElse(false)) {
            throw denied(present, AccessDeniedException.Reason.WRONG_TENANT, present.subject()
                    + " of tenant " + present.tenant().orElse("(none)") + " may not act on tenant " + tenant);
        }
        return present;
    }

    /** The actor is of one of {@code allowed} kinds. */
    public static Actor assertKind(Actor actor, ActorKind first, ActorKind... more) {
        Actor present = present(actor);
        Set<ActorKind> allowed = EnumSet.of(first, more);
        if (!allowed.contains(present.kind())) {
            throw denied(present, AccessDeniedException.Reason.WRONG_KIND,
                    present.subject() + " is a " + present.kind() + ", the operation allows " + allowed);
        }
        return present;
    }

    /**
     * The actor is a delegate (its RFC 8693 {@code act} chain is not empty) acting on behalf of
     * {@code subject}: {@code actor.subject()} equals it. The party really calling is
     * {@code actor.actingParties().get(0)}.
     */
    public static Actor assertActingFor(Actor actor, String subject) {
        Actor present = present(actor);
        if (!present.isDelegated() || subject == null || !subject.equals(present.subject())) {
            throw denied(present, AccessDeniedException.Reason.NOT_ACTING_FOR,
                    (present.isDelegated() ? present.actingParties().get(0).subject() + " acts for " + present.subject()
                            : present.subject() + " acts for nobody") + ", the operation needs a delegate of " + subject);
        }
        return present;
    }

    /** The actor acts in person: no delegation chain (e.g. changing one's own password). */
    public static Actor assertNotDelegated(Actor actor) {
        Actor present = present(actor);
        if (present.isDelegated()) {
            throw denied(present, AccessDeniedException.Reason.DELEGATED, present.actingParties().get(0).subject()
                    + " acts for " + present.subject() + ", the operation must be done in person");
        }
        return present;
    }

    private static Actor present(Actor actor) {
        if (actor == null) {
            DecisionAudit.guardDenied("ZT-1001", null, "no actor");
            throw new NoActorException();
        }
        return actor;
    }

    private static AccessDeniedException denied(Actor actor, AccessDeniedException.Reason reason, String detail) {
        DecisionAudit.guardDenied(reason.id(), actor, detail);
        return new AccessDeniedException(reason, detail);
    }
}
