package dev.zt.filter.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the request presents as a bearer credential, by RFC 6750 section 2.1: only the
 * {@code Authorization} header counts. The scheme is case-insensitive and one or more spaces may
 * follow it. Two {@code Authorization} headers, or a token in the header and also in the query
 * string or form body, is a malformed request; a token only in the query, the body or a cookie is
 * not a credential at all (ignored).
 */
public sealed interface BearerCredentials {

    /** No Authorization header, or one with another scheme. */
    record None() implements BearerCredentials {
    }

    /** Malformed request: RFC 6750 {@code invalid_request}. */
    record Malformed(String why) implements BearerCredentials {
    }

    /** A token to verify. */
    record Token(String value) implements BearerCredentials {
        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    static BearerCredentials from(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.isEmpty()) {
            return new None();
        }
        if (headers.size() > 1) {
            return new Malformed("more than one Authorization header");
        }
        String header = headers.get(0);
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            return new None();
        }
        int start = space;
        while (start >= 0 && start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        if (start < 0 || start >= header.length()) {
            return new Malformed("Bearer without a token");
        }
        String token = header.substring(start);
        if (!isB64Token(token)) {
            return new Malformed("the token is not an RFC 6750 b64token");
        }
        if (alsoElsewhere(request)) {
            return new Malformed("a token in the header and in the query string or body");
        }
        return new Token(token);
    }

    /** RFC 6750 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static boolean isB64Token(String token) {
        int i = 0;
        int n = token.length();
        while (i < n) {
            char c = token.charAt(i);
            boolean tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!tokenChar) {
                break;
            }
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    /**
     * The parameter name as the container decodes it for the application: {@code access%5Ftoken} is
     * {@code access_token} too. A name that cannot be decoded is compared as sent.
     */
    private static boolean isAccessTokenName(String rawName) {
        if (rawName.equals("access_token")) {
            return true;
        }
        if (rawName.indexOf('%') < 0) {
            return false;
        }
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8).equals("access_token");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean alsoElsewhere(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (isAccessTokenName(eq < 0 ? pair : pair.substring(0, eq))) {
                    return true;
                }
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // Reads the form body the way the container would for the application anyway.
            return request.getParameter("access_token") != null;
        }
        return false;
    }
}
