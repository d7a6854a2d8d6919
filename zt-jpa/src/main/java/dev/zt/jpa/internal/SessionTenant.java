package dev.zt.jpa.internal;

import dev.zt.jpa.ActorTenantResolver;
import dev.zt.jpa.TenantViolationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** The tenant a session was opened for, and the check that it is still the caller's. */
final class SessionTenant {

    private SessionTenant() {
    }

    /**
     * The session's tenant. Hibernate 6.6 fires StatelessSession events without a session; such a
     * session was opened for the current actor's tenant, which is then the answer.
     */
    static String of(SharedSessionContractImplementor session) {
        if (session == null) {
            return ActorTenantResolver.currentTenant();
        }
        Object value = session.getTenantIdentifierValue();
        if (value == null) {
            throw new TenantViolationException("ZT-4010", "a session without a tenant touched tenant-scoped data:"
                    + " configure hibernate.tenant_identifier_resolver=" + ActorTenantResolver.class.getName());
        }
        return value.toString();
    }

    static boolean isCrossTenant(SharedSessionContractImplementor session) {
        return ActorTenantResolver.CROSS_TENANT.equals(of(session));
    }

    /**
     * Throws unless the current actor (or cross-tenant section) still has the session's tenant: a
     * session must not outlive the unit of work it was opened for.
     */
    static void requireCurrent(SharedSessionContractImplementor session) {
        String opened = of(session);
        String now = ActorTenantResolver.currentTenant();
        if (!opened.equals(now)) {
            throw new TenantViolationException("ZT-4006", "this session was opened for another tenant than the"
                    + " current actor's: open one EntityManager per unit of work");
        }
    }
}
