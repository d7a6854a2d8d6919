package dev.zt.client;

import java.util.Objects;
import java.util.Optional;

/**
 * No service token could be obtained. Fail closed: whoever gets this exception has no token, never a
 * stale or empty one. Carries a {@link Reason} with a stable {@code ZT-70nn} id and, when the token
 * endpoint answered with an RFC 6749 error response, its {@code error} code. The message never
 * contains a token, a client secret or the response body.
 */
public final class ServiceTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no token was obtained. Each has a stable id; tests and operators match on the id. */
    public enum Reason {
        ENDPOINT_UNREACHABLE("ZT-7001", "the token endpoint could not be reached"),
        TIMEOUT("ZT-7002", "the token endpoint did not answer in time"),
        UNEXPECTED_STATUS("ZT-7003", "the token endpoint answered with an unexpected HTTP status"),
        OAUTH_ERROR("ZT-7004", "the token endpoint refused the request"),
        RESPONSE_TOO_LARGE("ZT-7005", "the token response is too large"),
        MALFORMED_RESPONSE("ZT-7006", "the token response is not a valid JSON token response"),
        NOT_A_BEARER_TOKEN("ZT-7007", "the token response carries no usable bearer access token"),
        LIFETIME_TOO_LONG("ZT-7008", "the token lives longer than the requested lifetime"),
        LIFETIME_MISSING("ZT-7009", "the token response has no valid expires_in"),
        LIFETIME_TOO_SHORT("ZT-7010", "the token expires within the refresh margin"),
        INTERRUPTED("ZT-7011", "interrupted while waiting for a token"),
        NO_SUBJECT_TOKEN("ZT-7012", "there is no subject token to exchange"),
        NO_ACTOR("ZT-7013", "a token exchange needs the actor on whose behalf it is made, and none is bound to this thread");

        private final String id;
        private final String description;

        Reason(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final String oauthError;
    private final String detail;

    /** @param detail operator-facing detail without token, secret or response content; may be null */
    public ServiceTokenException(Reason reason, String detail) {
        this(reason, null, detail, null);
    }

    ServiceTokenException(Reason reason, String oauthError, String detail, Throwable cause) {
        super(message(reason, oauthError, detail), cause);
        this.reason = reason;
        this.oauthError = oauthError;
        this.detail = detail;
    }

    private static String message(Reason reason, String oauthError, String detail) {
        Objects.requireNonNull(reason, "reason");
        StringBuilder message = new StringBuilder(reason.id()).append(' ').append(reason.description());
        if (oauthError != null) {
            message.append(" (error=").append(oauthError).append(')');
        }
        if (detail != null) {
            message.append(": ").append(detail);
        }
        return message.toString();
    }

    public Reason reason() {
        return reason;
    }

    /** The stable message id, e.g. {@code ZT-7004}. */
    public String id() {
        return reason.id();
    }

    /**
     * The RFC 6749 section 5.2 (or RFC 8693) {@code error} code of the endpoint's error response,
     * e.g. {@code invalid_client}; empty when the failure was not an OAuth error response. A code
     * outside the {@code [a-z_]} alphabet is reported as {@code unrecognized_error}.
     */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** The message without its id: description, error code and detail (never a token, secret or response body). */
    String summary() {
        return getMessage().substring(reason.id().length() + 1);
    }

    /** The same failure, thrown again on another caller's thread (single flight shares one fetch). */
    ServiceTokenException rethrownHere() {
        return new ServiceTokenException(reason, oauthError, detail, this);
    }
}
