package dev.zt.cdi.internal;

import dev.zt.cdi.AccessDecision;
import dev.zt.cdi.Guards;
import dev.zt.core.Actor;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.util.Optional;

/**
 * zt-cdi's audit events (layer {@code CDI}), recorded through {@link Audit}: one per
 * {@code @RequiresScope} decision (granted {@code ZT-3000}, no actor {@code ZT-1001}, insufficient
 * scope {@code ZT-3001}, a grant withdrawn because an {@link AccessDecision} observer failed
 * {@code ZT-3031}) and one per denial of a {@link Guards} check. Never throws.
 */
public final class DecisionAudit {

    /** A grant withdrawn: an {@link AccessDecision} observer failed, so the call did not proceed. */
    public static final String GRANT_WITHDRAWN = "ZT-3031";

    private static final StackWalker WALKER = StackWalker.getInstance();

    private DecisionAudit() {
    }

    /**
     * The interceptor's decision, as it was taken.
     *
     * @param action      {@code pkg.Bean#method}, built once per method
     * @param requirement {@code requires ...}, built once per method
     */
    public static void decided(AccessDecision decision, String action, String requirement) {
        String detail = decision.missingScopes().isEmpty() ? requirement
                : requirement + "; lacks " + decision.missingScopes().stream().sorted().toList();
        record(decision, decision.granted() ? Outcome.GRANTED : Outcome.DENIED, decision.outcome().id(), action, detail);
    }

    /** A grant the observers' failure turned into a denial: the method was not called. */
    public static void grantWithdrawn(AccessDecision decision, String action, String requirement,
                                      RuntimeException observerFailure) {
        record(decision, Outcome.DENIED, GRANT_WITHDRAWN, action,
                requirement + "; an AccessDecision observer failed (" + observerFailure.getClass().getName() + ")");
    }

    /**
     * A {@link Guards} check that failed. The action is the method that called the guard, found
     * on the stack (only on this, the denial path).
     */
    public static void guardDenied(String reason, Actor actor, String detail) {
        try {
            AuditEvent.Builder event = Audit.event(Layer.CDI, Outcome.DENIED, reason)
                    .action(guardCaller())
                    .detail(detail);
            if (actor != null) {
                event.actor(actor);
            }
            Audit.record(event.build());
        } catch (RuntimeException e) {
            // Audit.record never throws; building an event from a valid actor cannot either. Keep the denial.
        }
    }

    private static void record(AccessDecision decision, Outcome outcome, String reason, String action, String detail) {
        try {
            AuditEvent.Builder event = Audit.event(Layer.CDI, outcome, reason)
                    .action(action)
                    .detail(detail);
            decision.actor().ifPresent(event::actor);
            Audit.record(event.build());
        } catch (RuntimeException e) {
            // never reached in practice (see guardDenied); a decision never depends on its audit
        }
    }

    private static String guardCaller() {
        Optional<StackWalker.StackFrame> caller = WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Guards.class.getName())
                        && !f.getClassName().equals(DecisionAudit.class.getName()))
                .findFirst());
        return caller.map(f -> f.getClassName() + "#" + f.getMethodName()).orElse("Guards");
    }
}
