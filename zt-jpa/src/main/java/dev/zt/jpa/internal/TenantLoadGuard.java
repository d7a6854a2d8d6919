package dev.zt.jpa.internal;

import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/**
 * The backstop behind the filters: every tenant-scoped entity materialised in a session must carry
 * the session's tenant. A row of another tenant reached by a path no filter covers (a to-one join
 * to a row that references across tenants, a marked native query whose author forgot the
 * predicate) fails the unit of work ({@code ZT-4011}, recorded by {@link TenantDecisions}) instead of
 * reaching the caller. Rows that the filters silently leave out are not decisions and not recorded.
 */
final class TenantLoadGuard implements PostLoadEventListener {

    private static final long serialVersionUID = 1L;

    private final transient LazyTenantModel model;

    TenantLoadGuard(LazyTenantModel model) {
        this.model = model;
    }

    @Override
    public void onPostLoad(PostLoadEvent event) {
        int index = model.get().tenantIndex(event.getPersister());
        if (index < 0 || SessionTenant.isCrossTenant(EventSessions.of(event), "load")) {
            return;
        }
        Object tenant = event.getPersister().getValue(event.getEntity(), index);
        if (!SessionTenant.of(EventSessions.of(event), "load").equals(tenant)) {
            throw TenantDecisions.denied("ZT-4011", "load", TenantDecisions.target(event.getPersister(), event.getId()),
                    "a " + event.getPersister().getEntityName()
                    + " of another tenant was loaded (a reference across tenants in the data?): refused");
        }
    }
}
