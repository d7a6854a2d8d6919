package dev.zt.devissuer;

/**
 * An RFC 6749 5.2 error response (plus RFC 8707 {@code invalid_target}), thrown by request
 * handling and written by {@link Http#sendError}. The description is generic: it never repeats a
 * token or a secret, only says what was wrong with the request.
 */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    private OAuthError(String code, int status, String description) {
        super(description, null, false, false);
        this.code = code;
        this.status = status;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", 400, description);
    }

    /** 401 with {@code WWW-Authenticate: Basic}: the only authentication method is client_secret_basic. */
    static OAuthError invalidClient() {
        return new OAuthError("invalid_client", 401, "client authentication failed (use HTTP Basic: client_secret_basic)");
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", 400, description);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", 400, description);
    }

    static OAuthError invalidTarget(String description) {
        return new OAuthError("invalid_target", 400, description);
    }

    static OAuthError unsupportedGrantType() {
        return new OAuthError("unsupported_grant_type", 400,
                "supported: client_credentials, urn:ietf:params:oauth:grant-type:token-exchange");
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    String description() {
        return getMessage();
    }
}
