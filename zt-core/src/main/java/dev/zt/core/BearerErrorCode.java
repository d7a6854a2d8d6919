package dev.zt.core;

/** The three error codes of RFC 6750 section 3.1, with the HTTP status each one answers with. */
public enum BearerErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403);

    private final String code;
    private final int httpStatus;

    BearerErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The value of the {@code error} attribute of {@code WWW-Authenticate}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
