package dev.zt.jpa;

import dev.zt.core.ActorContext;
import dev.zt.jpa.internal.CallerTenant;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate's tenant for a new session: the tenant of the actor in {@link ActorContext}, and nothing
 * else. No actor: {@link dev.zt.core.NoActorException}; an actor without a tenant:
 * {@link MissingTenantException}. Inside {@link CrossTenantAccess} only, the session is opened for
 * the {@linkplain #CROSS_TENANT root} tenant, which Hibernate does not filter. Both refusals are
 * recorded as audit events (action {@code open-session}).
 *
 * <p>Configure with {@code hibernate.tenant_identifier_resolver=dev.zt.jpa.ActorTenantResolver}.
 */
public final class ActorTenantResolver implements CurrentTenantIdentifierResolver<String> {

    /** The root tenant of a cross-tenant session. Not a valid tenant ({@code Actor.TENANT_PATTERN}). */
    public static final String CROSS_TENANT = "*";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return currentTenant();
    }

    /** The tenant this thread may work in now, or {@link #CROSS_TENANT}; throws when there is none. */
    public static String currentTenant() {
        return CallerTenant.require("open-session");
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(String tenantId) {
        return CROSS_TENANT.equals(tenantId);
    }
}
