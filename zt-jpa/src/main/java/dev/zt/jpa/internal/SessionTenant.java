package dev.zt.jpa.internal;

import dev.zt.jpa.ActorTenantResolver;
import dev.zt.jpa.TenantViolationException;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** The tenant a session was opened for, and the check that it is still the caller's. */
final class SessionTenant {

    private SessionTenant() {
    }

    /**
     * The session's tenant. Hibernate 6.6 fires StatelessSession events without a session; such a
     * session was opened for the current actor's tenant, which is then the answer.
     *
     * @param action the operation asking, recorded if the caller has no actor or no tenant
     */
    static String of(SharedSessionContractImplementor session, String action) {
        if (session == null) {
            return CallerTenant.require(action);
        }
        Object value = session.getTenantIdentifierValue();
        if (value == null) {
            // a configuration error, not an access decision: no audit event
            throw new TenantViolationException("ZT-4010", "a session without a tenant touched tenant-scoped data:"
                    + " configure hibernate.tenant_identifier_resolver=" + ActorTenantResolver.class.getName());
        }
        return value.toString();
    }

    static boolean isCrossTenant(SharedSessionContractImplementor session, String action) {
        return ActorTenantResolver.CROSS_TENANT.equals(of(session, action));
    }

    /**
     * Throws (and records the denial) unless the current actor (or cross-tenant section) still has
     * the session's tenant: a session must not outlive the unit of work it was opened for.
     *
     * @param action the operation about to run in the session, e.g. {@code find}
     * @param target what it runs on, when known, e.g. {@code Customer#42}; built only for a denial; may give null
     */
    static void requireCurrent(SharedSessionContractImplementor session, String action, Supplier<String> target) {
        String opened = of(session, action);
        String now = CallerTenant.require(action);
        if (!opened.equals(now)) {
            throw TenantDecisions.denied("ZT-4006", action, target.get(), "this session was opened for another tenant"
                    + " than the current actor's: open one EntityManager per unit of work");
        }
    }
}
