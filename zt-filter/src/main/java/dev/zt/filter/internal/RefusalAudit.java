package dev.zt.filter.internal;

import dev.zt.core.Actor;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;

/**
 * Records one DENIED {@link AuditEvent} (layer {@code FILTER}) per request the filter refuses: the
 * action is the method and the canonical path (never the raw URI, whose query may carry a token),
 * plus the request's {@link Correlations correlation}. Goes to the trail given in the settings, or
 * else through {@link Audit} (the deployment's installed trail). Never throws: auditing must not
 * change the answer.
 */
public final class RefusalAudit {

    private static final System.Logger LOG = System.getLogger(RefusalAudit.class.getName());
    private static final int MAX_METHOD_LENGTH = 32;

    private final AuditTrail trail;

    /** @param trail the settings' trail, or null to record through {@link Audit} */
    public RefusalAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** @param path the canonical path, or null when the request has none; @param actor null when not known */
    public void denied(HttpServletRequest request, String path, String reason, Actor actor) {
        try {
            AuditEvent.Builder event = (trail != null
                    ? AuditEvent.builder(trail.now(), Layer.FILTER, Outcome.DENIED, reason)
                    : Audit.event(Layer.FILTER, Outcome.DENIED, reason))
                    .action(action(request.getMethod(), path))
                    .correlation(Correlations.of(request));
            if (actor != null) {
                event.actor(actor);
            }
            if (trail != null) {
                trail.record(event.build());
            } else {
                Audit.record(event.build());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ZT-6104 audit event for a refusal ({0}) not recorded: {1}", reason, e.getClass().getName());
        }
    }

    static String action(String method, String path) {
        String m = method == null ? "?" : method.length() > MAX_METHOD_LENGTH ? method.substring(0, MAX_METHOD_LENGTH) : method;
        return m + " " + (path == null ? "(no canonical path)" : path);
    }
}
