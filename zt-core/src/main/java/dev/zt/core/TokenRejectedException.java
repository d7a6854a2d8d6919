package dev.zt.core;

import java.util.Objects;

/**
 * A bearer token was refused. Carries the {@link RejectionReason}; its message never contains the
 * token or any part of it. Has no stack trace: rejections are ordinary outcomes, and a flood of
 * forged tokens must not cost a stack walk each.
 */
public final class TokenRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public TokenRejectedException(RejectionReason reason) {
        this(reason, null);
    }

    /** @param detail operator-facing detail without token content (e.g. the claim name); may be null */
    public TokenRejectedException(RejectionReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").id() + " " + reason.description()
                + (detail == null ? "" : ": " + detail), null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    public BearerErrorCode errorCode() {
        return reason.errorCode();
    }
}
