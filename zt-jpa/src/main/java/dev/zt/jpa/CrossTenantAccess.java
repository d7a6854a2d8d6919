package dev.zt.jpa;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.jpa.internal.CrossTenantSection;
import dev.zt.jpa.internal.TenantDecisions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The only way to work across tenants (an admin report, a migration). The actor must hold the
 * configured scope ({@value ZtJpaSettings#CROSS_TENANT_SCOPE}, default
 * {@value ZtJpaSettings#DEFAULT_CROSS_TENANT_SCOPE}), must state a reason, and every call is recorded
 * as an audit event ({@code ZT-4101} granted; a refusal is {@code ZT-4103} denied).
 *
 * <pre>{@code
 * CrossTenantAccess admin = CrossTenantAccess.forFactory(emf);
 * long all = admin.call("monthly billing report", em ->
 *         em.createQuery("select count(o) from PurchaseOrder o", Long.class).getSingleResult());
 * }</pre>
 *
 * The work gets a fresh {@link EntityManager} that sees every tenant; it is closed when the work
 * returns and the thread is back to the actor's own tenant. Writes in it must set the tenant of new
 * entities explicitly to a real tenant. With row-level security on, the database still restricts
 * the session: run cross-tenant work on a persistence unit whose role may bypass the policy.
 */
public final class CrossTenantAccess {

    private final EntityManagerFactory factory;
    private final String requiredScope;

    private CrossTenantAccess(EntityManagerFactory factory, String requiredScope) {
        this.factory = Objects.requireNonNull(factory, "factory");
        if (requiredScope == null || requiredScope.isBlank()) {
            throw new IllegalArgumentException("ZT-4008 the cross-tenant scope must not be blank");
        }
        this.requiredScope = requiredScope;
    }

    /** Reads the required scope from the factory's {@value ZtJpaSettings#CROSS_TENANT_SCOPE} property. */
    public static CrossTenantAccess forFactory(EntityManagerFactory factory) {
        Object scope = factory.getProperties().get(ZtJpaSettings.CROSS_TENANT_SCOPE);
        return new CrossTenantAccess(factory, scope == null ? ZtJpaSettings.DEFAULT_CROSS_TENANT_SCOPE : scope.toString());
    }

    public String requiredScope() {
        return requiredScope;
    }

    /**
     * Runs {@code work} with an entity manager that sees all tenants.
     *
     * @throws InsufficientScopeException when the current actor lacks {@link #requiredScope()}
     * @throws dev.zt.core.NoActorException when there is no actor
     */
    public <T> T call(String reason, Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("ZT-4008 cross-tenant access needs a reason");
        }
        Actor actor = ActorContext.current().orElseThrow(() -> TenantDecisions.noActor(TenantDecisions.CROSS_TENANT_ACTION));
        if (!actor.hasScope(requiredScope)) {
            TenantDecisions.crossTenantRefused(actor, requiredScope, reason);
            throw new InsufficientScopeException(Set.of(requiredScope),
                    "ZT-4103 cross-tenant access requires scope " + requiredScope);
        }
        TenantDecisions.crossTenantGranted(actor, requiredScope, reason);
        try (CrossTenantSection ignored = CrossTenantSection.open()) {
            EntityManager em = factory.createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
            }
        }
    }
}
