package dev.zt.jpa;

import dev.zt.core.Actor;

/**
 * The current actor has no tenant, so there is no tenant to scope data to. zt never falls back to
 * "all rows": the answer is this exception ({@code ZT-4001}).
 */
public final class MissingTenantException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MissingTenantException(Actor actor) {
        super("ZT-4001 actor " + actor.subject() + " has no tenant: tenant-scoped data is not accessible"
                + " (issue a token with a tenant, or use CrossTenantAccess for audited cross-tenant work)");
    }

    public String code() {
        return "ZT-4001";
    }
}
