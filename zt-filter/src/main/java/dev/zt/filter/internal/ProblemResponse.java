package dev.zt.filter.internal;

import dev.zt.core.BearerErrorCode;
import dev.zt.core.Scopes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that answers a refused request: the RFC 6750 {@code WWW-Authenticate} challenge and
 * an RFC 9457 {@code application/problem+json} body. Descriptions are fixed texts: nothing from the
 * request, and never the token, reaches the response.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    /** 401 without an error code: no credentials, or credentials of another scheme. */
    public static void missingCredentials(HttpServletResponse response, String realm) throws IOException {
        write(response, 401, "Bearer realm=\"" + realm + "\"", "unauthorized", "Unauthorized",
                "A bearer token is required.", null);
    }

    public static void invalidToken(HttpServletResponse response, String realm) throws IOException {
        write(response, BearerErrorCode.INVALID_TOKEN.httpStatus(),
                challenge(realm, BearerErrorCode.INVALID_TOKEN, "The access token is invalid.", null),
                BearerErrorCode.INVALID_TOKEN.code(), "Invalid token", "The access token is invalid.", null);
    }

    public static void invalidRequest(HttpServletResponse response, String realm) throws IOException {
        write(response, BearerErrorCode.INVALID_REQUEST.httpStatus(),
                challenge(realm, BearerErrorCode.INVALID_REQUEST, "The request is malformed.", null),
                BearerErrorCode.INVALID_REQUEST.code(), "Invalid request", "The request is malformed.", null);
    }

    public static final String INSUFFICIENT_SCOPE_DETAIL = "The access token lacks a required scope.";

    public static void insufficientScope(HttpServletResponse response, String realm, Set<String> scopes) throws IOException {
        String scopeList = scopeList(scopes);
        write(response, BearerErrorCode.INSUFFICIENT_SCOPE.httpStatus(),
                challenge(realm, BearerErrorCode.INSUFFICIENT_SCOPE, INSUFFICIENT_SCOPE_DETAIL, scopeList),
                BearerErrorCode.INSUFFICIENT_SCOPE.code(), "Insufficient scope", INSUFFICIENT_SCOPE_DETAIL, scopeList);
    }

    /** Only RFC 6749 scope tokens (no quote, no backslash, no space) may reach the header and body. */
    public static String scopeList(Set<String> scopes) {
        TreeSet<String> valid = new TreeSet<>();
        scopes.stream().filter(Scopes::isValidScopeToken).forEach(valid::add);
        return String.join(" ", valid);
    }

    /** 403 for a decision other than scope (tenant, kind, delegation): no bearer error code applies. */
    public static void forbidden(HttpServletResponse response) throws IOException {
        write(response, 403, null, "access_denied", "Forbidden", "Access denied.", null);
    }

    /** The {@code WWW-Authenticate} value; {@code realm} may be null. */
    public static String challenge(String realm, BearerErrorCode code, String description, String scope) {
        StringBuilder sb = new StringBuilder("Bearer ");
        if (realm != null) {
            sb.append("realm=\"").append(realm).append("\", ");
        }
        sb.append("error=\"").append(code.code())
                .append("\", error_description=\"").append(description).append('"');
        if (scope != null) {
            sb.append(", scope=\"").append(scope).append('"');
        }
        return sb.toString();
    }

    private static void write(HttpServletResponse response, int status, String challenge, String code, String title,
            String detail, String scope) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body(code, title, status, detail, scope).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The RFC 9457 body; every value is a fixed text or an RFC 6749 scope list, so none needs escaping. */
    public static String body(String code, String title, int status, String detail, String scope) {
        StringBuilder body = new StringBuilder("{\"type\":\"urn:zt:problem:").append(code)
                .append("\",\"title\":\"").append(title)
                .append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(detail).append('"')
                .append(",\"error\":\"").append(code).append('"');
        if (scope != null) {
            body.append(",\"scope\":\"").append(scope).append('"');
        }
        body.append('}');
        return body.toString();
    }
}
