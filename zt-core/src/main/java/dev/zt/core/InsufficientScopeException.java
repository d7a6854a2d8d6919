package dev.zt.core;

import java.util.Set;

/**
 * The actor lacks scopes an operation requires. Carries the scopes that were required; the servlet
 * filter answers it with {@code 403} and {@code WWW-Authenticate: Bearer error="insufficient_scope",
 * scope="..."}.
 */
public class InsufficientScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Set<String> requiredScopes;

    /** @param requiredScopes the scopes the operation needs (all of them, or one of them for any-of rules) */
    public InsufficientScopeException(Set<String> requiredScopes, String message) {
        super("ZT-3001 " + message);
        this.requiredScopes = Set.copyOf(requiredScopes);
    }

    public Set<String> requiredScopes() {
        return requiredScopes;
    }

    public BearerErrorCode errorCode() {
        return BearerErrorCode.INSUFFICIENT_SCOPE;
    }
}
