package dev.zt.core;

/**
 * Why a bearer token was refused. Each reason has a stable id ({@code ZT-2nnn}) for logs and audit
 * records and a description for operators. Responses never tell the caller which reason applied:
 * every token failure is answered with the same {@code 401 invalid_token}.
 */
public enum RejectionReason {
    MISSING("ZT-2000", "no token"),
    TOO_LARGE("ZT-2001", "token exceeds the size limit"),
    MALFORMED("ZT-2002", "not a compact JWS of three strict base64url segments"),
    ENCRYPTED("ZT-2003", "JWE (encrypted) tokens are not accepted"),
    JSON_SERIALIZATION("ZT-2004", "JWS JSON serialization is not accepted"),
    MALFORMED_HEADER("ZT-2005", "the JOSE header is not a JSON object of the expected shape"),
    DISALLOWED_ALGORITHM("ZT-2006", "the signing algorithm is not on the allow-list"),
    CRITICAL_HEADER("ZT-2007", "the token names critical header parameters zt does not understand"),
    COMPRESSED("ZT-2008", "compressed (zip) tokens are not accepted"),
    WRONG_TYPE("ZT-2009", "the typ header is not an accepted token type"),
    UNKNOWN_KEY("ZT-2010", "no trusted key matches the token's kid and algorithm"),
    KEYS_UNAVAILABLE("ZT-2011", "the trusted keys could not be obtained"),
    BAD_SIGNATURE("ZT-2012", "the signature does not verify"),
    MALFORMED_CLAIMS("ZT-2013", "the claims are not a JSON object of the expected shape"),
    MISSING_CLAIM("ZT-2014", "a required claim is missing"),
    WRONG_ISSUER("ZT-2015", "the issuer is not trusted"),
    WRONG_AUDIENCE("ZT-2016", "the token is not meant for this audience"),
    EXPIRED("ZT-2017", "the token has expired"),
    NOT_YET_VALID("ZT-2018", "the token is not valid yet (nbf)"),
    ISSUED_IN_FUTURE("ZT-2019", "the token's iat lies in the future"),
    LIFETIME_TOO_LONG("ZT-2020", "the token's lifetime exp - iat exceeds the limit"),
    BAD_TENANT("ZT-2021", "the tenant claim is not a valid tenant identifier"),
    BAD_SCOPE("ZT-2022", "the scope claim is not a valid list of scope tokens"),
    BAD_DELEGATION("ZT-2023", "the act (delegation) claim is malformed"),
    BAD_CLAIM("ZT-2024", "a mapped claim has the wrong type or format");

    private final String id;
    private final String description;

    RejectionReason(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable message id, e.g. {@code ZT-2012}. */
    public String id() {
        return id;
    }

    /** For operators' logs; not sent to the caller. */
    public String description() {
        return description;
    }

    /** A missing token is a missing credential (RFC 6750 3.1: no error code); everything else is invalid_token. */
    public BearerErrorCode errorCode() {
        return BearerErrorCode.INVALID_TOKEN;
    }
}
