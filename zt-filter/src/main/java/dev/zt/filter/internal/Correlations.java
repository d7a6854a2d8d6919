package dev.zt.filter.internal;

import dev.zt.core.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link RequestCorrelation} of a servlet request: the container's request id, the trace-id of a
 * single valid W3C {@code traceparent} header, and the remote address.
 */
public final class Correlations {

    /** W3C Trace Context: version-traceid-parentid-flags, lower-case hex; later versions may append fields. */
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    private Correlations() {
    }

    public static RequestCorrelation of(HttpServletRequest request) {
        return new RequestCorrelation(request.getRequestId(), traceId(request), request.getRemoteAddr());
    }

    /** The trace-id of the request's single, valid {@code traceparent} header; null otherwise. */
    static String traceId(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("traceparent");
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String value = headers.nextElement();
        if (headers.hasMoreElements() || value == null) {
            return null; // ambiguous: no trace-id rather than a guess
        }
        return traceId(value.strip());
    }

    static String traceId(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent);
        if (!m.matches()) {
            return null;
        }
        String version = m.group(1);
        if (version.equals("ff") || (version.equals("00") && m.group(5) != null)) {
            return null;
        }
        if (m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_PARENT)) {
            return null;
        }
        return m.group(2);
    }
}
