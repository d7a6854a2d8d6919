package dev.zt.filter.internal;

import dev.zt.core.Actor;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records one DENIED {@link AuditEvent} per request the filter refuses: the action is the method and
 * the canonical path (never the raw URI, whose query may carry a token), plus the remote address,
 * the container's request id and the trace-id of a valid W3C {@code traceparent}. Never throws:
 * auditing must not change the answer.
 */
public final class RefusalAudit {

    private static final System.Logger LOG = System.getLogger(RefusalAudit.class.getName());
    /** W3C Trace Context: version-traceid-parentid-flags, lower-case hex; later versions may append fields. */
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);
    private static final int MAX_METHOD_LENGTH = 32;

    private final AuditTrail trail;

    public RefusalAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** @param path the canonical path, or null when the request has none; @param actor null when not known */
    public void denied(HttpServletRequest request, String path, String reason, Actor actor) {
        if (trail == null) {
            return;
        }
        try {
            AuditEvent.Builder event = trail.event(AuditEvent.Outcome.DENIED, reason)
                    .action(action(request.getMethod(), path))
                    .remoteAddress(request.getRemoteAddr())
                    .requestId(request.getRequestId())
                    .traceId(traceId(request));
            if (actor != null) {
                event.actor(actor);
            }
            trail.record(event.build());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ZT-6104 audit event for a refusal ({0}) not recorded: {1}", reason, e.getClass().getName());
        }
    }

    static String action(String method, String path) {
        String m = method == null ? "?" : method.length() > MAX_METHOD_LENGTH ? method.substring(0, MAX_METHOD_LENGTH) : method;
        return m + " " + (path == null ? "(no canonical path)" : path);
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
