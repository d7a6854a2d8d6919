package dev.zt.jpa;

/**
 * An operation tried to cross the tenant boundary (another tenant's row, a forged or changed tenant
 * value, unmarked native SQL on a tenant-scoped table, a session used by an actor of another
 * tenant). Carries a stable {@link #code()} ({@code ZT-4nnn}); tests and handlers match the code,
 * never the message. The message names entity types and ids, never row contents.
 */
public final class TenantViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public TenantViolationException(String code, String message) {
        super(code + " " + message);
        this.code = code;
    }

    /** The stable id, e.g. {@code ZT-4003}. */
    public String code() {
        return code;
    }
}
