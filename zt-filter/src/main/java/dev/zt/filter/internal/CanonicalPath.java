package dev.zt.filter.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path a public-path or path-scope rule is matched against, computed from the raw request URI
 * so that no encoding trick can make a protected path look public: path parameters
 * ({@code ;jsessionid=...}) are dropped from every segment, percent-escapes are decoded once,
 * empty segments ({@code //}) collapse, and {@code .}/{@code ..} are resolved. Anything ambiguous
 * (an encoded {@code /} or {@code \}, a NUL or control character, a bad escape, invalid UTF-8,
 * {@code ..} above the root) has no canonical form: {@link #of} returns null and the request is
 * treated as protected. Matching stays case-sensitive, so {@code /PUBLIC} is not {@code /public}.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /**
     * @param requestUri  the raw request URI (no query string), as {@code HttpServletRequest.getRequestURI()}
     * @param contextPath the context path to strip (may be empty)
     * @return the canonical application path, starting with {@code /}; or null when there is none
     */
    public static String of(String requestUri, String contextPath) {
        if (requestUri == null || requestUri.isEmpty() || requestUri.charAt(0) != '/') {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        int start = 1;
        int length = requestUri.length();
        while (start <= length) {
            int end = requestUri.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            String raw = requestUri.substring(start, end);
            int semicolon = raw.indexOf(';');
            if (semicolon >= 0) {
                raw = raw.substring(0, semicolon);
            }
            String segment = decode(raw);
            if (segment == null) {
                return null;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
            start = end + 1;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        if (requestUri.endsWith("/") && !segments.isEmpty()) {
            path.append('/');
        }
        String full = path.length() == 0 ? "/" : path.toString();
        String context = contextPath == null ? "" : contextPath;
        if (context.isEmpty() || context.equals("/")) {
            return full;
        }
        if (full.equals(context)) {
            return "/";
        }
        if (!full.startsWith(context + "/")) {
            return null;
        }
        return full.substring(context.length());
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return hasForbidden(raw) ? null : raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return hasForbidden(decoded) ? null : decoded;
    }

    private static boolean hasForbidden(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c == ';' || c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
