package dev.zt.core;

import java.util.Objects;

/**
 * A guard other than a scope check said no: the actor belongs to another tenant, is of the wrong
 * kind, or is not (or is) acting on someone's behalf. Answer it with {@code 403 Forbidden} and a
 * generic body: it is not an RFC 6750 {@code insufficient_scope} error, since no scope would help.
 * Scope denials use {@link InsufficientScopeException} instead.
 *
 * <p>The message is for logs; it names the reason id but never a token.
 */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status integrations answer with. */
    public static final int HTTP_STATUS = 403;

    /** Why access was denied; each reason has a stable message id. */
    public enum Reason {
        /** The actor has no tenant, or another one than the resource's. */
        WRONG_TENANT("ZT-3002"),
        /** The actor's {@link ActorKind} is not one the operation allows. */
        WRONG_KIND("ZT-3003"),
        /** The actor is not acting on behalf of the expected party. */
        NOT_ACTING_FOR("ZT-3004"),
        /** The operation must be done by the party in person, not by a delegate. */
        DELEGATED("ZT-3005");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        /** The stable message id, e.g. {@code ZT-3002}. */
        public String id() {
            return id;
        }
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").id() + " access denied: " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
