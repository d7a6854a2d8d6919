package dev.zt.jpa.internal;

import dev.zt.jpa.TenantViolationException;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;

/**
 * Runs first on find, persist, merge and flush: the session must still belong to the caller's
 * tenant (a session opened for tenant A and reused after the actor changed is refused), and merge
 * of an instance carrying another tenant is refused outright.
 */
final class TenantSessionGuard implements LoadEventListener, PersistEventListener, MergeEventListener,
        FlushEventListener, AutoFlushEventListener {

    private static final long serialVersionUID = 1L;

    private final transient LazyTenantModel model;

    TenantSessionGuard(LazyTenantModel model) {
        this.model = model;
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        if (!model.get().isEmpty()) {
            SessionTenant.requireCurrent(EventSessions.of(event));
        }
    }

    @Override
    public void onPersist(PersistEvent event) {
        SessionTenant.requireCurrent(EventSessions.of(event));
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        SessionTenant.requireCurrent(EventSessions.of(event));
    }

    @Override
    public void onMerge(MergeEvent event) {
        checkMerge(event);
    }

    @Override
    public void onMerge(MergeEvent event, MergeContext copiedAlready) {
        checkMerge(event);
    }

    @Override
    public void onFlush(FlushEvent event) {
        SessionTenant.requireCurrent(EventSessions.of(event));
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        SessionTenant.requireCurrent(EventSessions.of(event));
    }

    private void checkMerge(MergeEvent event) {
        SessionTenant.requireCurrent(EventSessions.of(event));
        Object original = event.getOriginal();
        if (original == null || original instanceof HibernateProxy || SessionTenant.isCrossTenant(EventSessions.of(event))) {
            return;
        }
        EntityPersister persister = EventSessions.of(event).getEntityPersister(event.getEntityName(), original);
        int index = model.get().tenantIndex(persister);
        if (index < 0) {
            return;
        }
        Object tenant = persister.getValue(original, index);
        if (tenant != null && !tenant.equals(SessionTenant.of(EventSessions.of(event)))) {
            throw new TenantViolationException("ZT-4003", "merge of a " + persister.getEntityName()
                    + " of another tenant rejected");
        }
    }
}
