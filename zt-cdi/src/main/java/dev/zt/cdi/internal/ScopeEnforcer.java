package dev.zt.cdi.internal;

import dev.zt.cdi.AccessDecision;
import dev.zt.cdi.AccessDecision.Outcome;
import dev.zt.cdi.GuardedMethod.Protection;
import dev.zt.cdi.ScopeRequirement;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The decision behind {@link ScopeInterceptor}, kept free of CDI so that it can be tested on its own:
 * it checks the current actor against the called method's {@link MethodRule}, reports the decision,
 * and throws on denial.
 */
public final class ScopeEnforcer {

    private static final System.Logger LOG = System.getLogger("dev.zt.cdi");

    private final MethodRules rules;
    private final Consumer<AccessDecision> decisions;

    /** @param decisions receives every decision before the call proceeds or the denial is thrown */
    public ScopeEnforcer(MethodRules rules, Consumer<AccessDecision> decisions) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    /**
     * Returns when the current actor may call {@code method} on an instance of {@code targetClass};
     * throws {@link NoActorException} or {@link InsufficientScopeException} otherwise.
     */
    public void enforce(Class<?> targetClass, Method method) {
        MethodRules.Resolved resolved = rules.resolve(targetClass, method);
        if (resolved.rule().protection() != Protection.REQUIRES_SCOPE) {
            return;
        }
        Class<?> beanClass = resolved.beanClass();
        ScopeRequirement requirement = resolved.rule().requirement().orElseThrow();
        Actor actor = ActorContext.current().orElse(null);
        if (actor == null) {
            throw deny(resolved, new AccessDecision(Optional.empty(), beanClass, method, requirement, Outcome.DENIED_NO_ACTOR,
                    Set.of()), new NoActorException());
        }
        Set<String> missing = requirement.missingFrom(actor);
        if (!missing.isEmpty()) {
            throw deny(resolved, new AccessDecision(Optional.of(actor), beanClass, method, requirement,
                            Outcome.DENIED_INSUFFICIENT_SCOPE, missing),
                    new InsufficientScopeException(missing, "insufficient scope: " + actor.subject() + " calling "
                            + beanClass.getName() + "#" + method.getName() + " needs " + requirement + ", lacks " + missing));
        }
        // An observer failing on a grant propagates: the call does not proceed (fail closed).
        AccessDecision granted = new AccessDecision(Optional.of(actor), beanClass, method, requirement, Outcome.GRANTED, Set.of());
        try {
            decisions.accept(granted);
        } catch (RuntimeException observerFailure) {
            DecisionAudit.grantWithdrawn(granted, resolved.auditAction(), resolved.auditRequirement(), observerFailure);
            throw observerFailure;
        }
        DecisionAudit.decided(granted, resolved.auditAction(), resolved.auditRequirement());
    }

    /** Reports a denial; an observer failing here cannot turn it into a grant. */
    private RuntimeException deny(MethodRules.Resolved resolved, AccessDecision decision, RuntimeException denial) {
        DecisionAudit.decided(decision, resolved.auditAction(), resolved.auditRequirement());
        try {
            decisions.accept(decision);
        } catch (RuntimeException observerFailure) {
            denial.addSuppressed(observerFailure);
            LOG.log(System.Logger.Level.WARNING, "ZT-3030 an AccessDecision observer failed on a denial; "
                    + "the call is denied all the same", observerFailure);
        }
        return denial;
    }
}
