package dev.zt.jpa.internal;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Audit records of zt-jpa, written to the {@code dev.zt.jpa.audit} logger (route it to your audit
 * store). Each record starts with its stable id; none carries row contents or credentials.
 */
public final class TenantAudit {

    public static final String LOGGER_NAME = "dev.zt.jpa.audit";

    private static final Logger LOG = System.getLogger(LOGGER_NAME);

    private TenantAudit() {
    }

    public static void crossTenantAccess(Actor actor, String scope, String reason) {
        LOG.log(Level.INFO, "ZT-4101 cross-tenant access by " + actor.subject() + " (" + actor.kind()
                + ", scope " + scope + "): " + oneLine(reason));
    }

    public static void crossTenantRefused(Actor actor, String scope, String reason) {
        LOG.log(Level.WARNING, "ZT-4103 cross-tenant access refused to " + actor.subject() + " (" + actor.kind()
                + ", lacks scope " + scope + "): " + oneLine(reason));
    }

    public static void tenantSafeNativeSql(String reason, String sql) {
        String who = ActorContext.current().map(a -> a.subject() + " tenant=" + a.tenant().orElse("-")).orElse("no actor");
        LOG.log(Level.INFO, "ZT-4102 tenant-safe native SQL by " + who + ": " + oneLine(reason)
                + " | " + oneLine(sql));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
    }
}
