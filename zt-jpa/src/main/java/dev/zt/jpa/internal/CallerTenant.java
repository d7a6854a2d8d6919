package dev.zt.jpa.internal;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.jpa.ActorTenantResolver;

/**
 * The tenant the current thread may work in: {@link ActorTenantResolver#CROSS_TENANT} inside a
 * cross-tenant section, else the tenant of the actor in {@link ActorContext}. No actor and an actor
 * without a tenant are refusals, recorded ({@link TenantDecisions}) against the operation that asked.
 */
public final class CallerTenant {

    private CallerTenant() {
    }

    /**
     * @param action the operation that needs the tenant, e.g. {@code open-session} or {@code find}
     * @throws dev.zt.core.NoActorException ({@code ZT-1001}) when there is no actor
     * @throws dev.zt.jpa.MissingTenantException ({@code ZT-4001}) when the actor has no tenant
     */
    public static String require(String action) {
        if (CrossTenantSection.isOpen()) {
            return ActorTenantResolver.CROSS_TENANT;
        }
        Actor actor = ActorContext.current().orElseThrow(() -> TenantDecisions.noActor(action));
        return actor.tenant().orElseThrow(() -> TenantDecisions.missingTenant(actor, action));
    }
}
