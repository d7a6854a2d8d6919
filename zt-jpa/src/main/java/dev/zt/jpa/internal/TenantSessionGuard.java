package dev.zt.jpa.internal;

import java.util.function.Supplier;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
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
 * Runs first on find, persist, merge, remove and flush: the session must still belong to the
 * caller's tenant (a session opened for tenant A and reused after the actor changed is refused,
 * ZT-4006); persist of an instance that already carries another tenant is refused (ZT-4002) before
 * Hibernate stamps anything; merge of an instance carrying another tenant is refused (ZT-4003), and
 * so is remove (ZT-4004). Each refusal is recorded by {@link TenantDecisions}.
 */
final class TenantSessionGuard implements LoadEventListener, PersistEventListener, MergeEventListener,
        DeleteEventListener, FlushEventListener, AutoFlushEventListener {

    private static final long serialVersionUID = 1L;
    /** For operations whose target is not known (flush, a query's auto-flush). */
    private static final Supplier<String> NO_TARGET = () -> null;

    private final transient LazyTenantModel model;

    TenantSessionGuard(LazyTenantModel model) {
        this.model = model;
    }

    @Override
    public void onLoad(LoadEvent event, LoadType loadType) {
        if (!model.get().isEmpty()) {
            SessionTenant.requireCurrent(EventSessions.of(event), "find",
                    () -> TenantDecisions.target(event.getEntityClassName(), event.getEntityId()));
        }
    }

    @Override
    public void onPersist(PersistEvent event) {
        checkPersist(event);
    }

    @Override
    public void onPersist(PersistEvent event, PersistContext createdAlready) {
        checkPersist(event);
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
    public void onDelete(DeleteEvent event) {
        checkDelete(event);
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        checkDelete(event);
    }

    @Override
    public void onFlush(FlushEvent event) {
        SessionTenant.requireCurrent(EventSessions.of(event), "flush", NO_TARGET);
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        // Hibernate auto-flushes before it runs a query
        SessionTenant.requireCurrent(EventSessions.of(event), "query", NO_TARGET);
    }

    private void checkPersist(PersistEvent event) {
        SharedSessionContractImplementor session = EventSessions.of(event);
        Object entity = event.getObject();
        EntityPersister persister = persisterOf(session, event.getEntityName(), entity);
        if (persister == null) {
            SessionTenant.requireCurrent(session, "persist", NO_TARGET);
            return;
        }
        Supplier<String> target = () -> TenantDecisions.target(persister, persister.getIdentifier(entity, session));
        SessionTenant.requireCurrent(session, "persist", target);
        int index = model.get().tenantIndex(persister);
        if (index < 0 || SessionTenant.isCrossTenant(session, "persist")) {
            return;
        }
        Object tenant = persister.getValue(entity, index);
        if (tenant != null && !tenant.equals(SessionTenant.of(session, "persist"))) {
            throw TenantDecisions.denied("ZT-4002", "persist", target.get(), "persist of " + persister.getEntityName()
                    + " with a tenant other than the caller's");
        }
    }

    private void checkDelete(DeleteEvent event) {
        SharedSessionContractImplementor session = EventSessions.of(event);
        Object entity = event.getObject();
        EntityPersister persister = persisterOf(session, event.getEntityName(), entity);
        if (persister == null) {
            SessionTenant.requireCurrent(session, "delete", NO_TARGET);
            return;
        }
        Supplier<String> target = () -> TenantDecisions.target(persister, persister.getIdentifier(entity, session));
        SessionTenant.requireCurrent(session, "delete", target);
        int index = model.get().tenantIndex(persister);
        if (index < 0 || SessionTenant.isCrossTenant(session, "delete")) {
            return;
        }
        Object tenant = persister.getValue(entity, index);
        if (tenant != null && !tenant.equals(SessionTenant.of(session, "delete"))) {
            throw TenantDecisions.denied("ZT-4004", "delete", target.get(), "delete of a " + persister.getEntityName()
                    + " of another tenant rejected");
        }
    }

    private void checkMerge(MergeEvent event) {
        SharedSessionContractImplementor session = EventSessions.of(event);
        Object original = event.getOriginal();
        EntityPersister persister = persisterOf(session, event.getEntityName(), original);
        if (persister == null) {
            SessionTenant.requireCurrent(session, "merge", NO_TARGET);
            return;
        }
        Supplier<String> target = () -> TenantDecisions.target(persister, persister.getIdentifier(original, session));
        SessionTenant.requireCurrent(session, "merge", target);
        int index = model.get().tenantIndex(persister);
        if (index < 0 || SessionTenant.isCrossTenant(session, "merge")) {
            return;
        }
        Object tenant = persister.getValue(original, index);
        if (tenant != null && !tenant.equals(SessionTenant.of(session, "merge"))) {
            throw TenantDecisions.denied("ZT-4003", "merge", target.get(), "merge of a " + persister.getEntityName()
                    + " of another tenant rejected");
        }
    }

    /** The persister of a plain entity instance; null for a proxy or what Hibernate itself will reject. */
    private static EntityPersister persisterOf(SharedSessionContractImplementor session, String entityName, Object entity) {
        if (entity == null || entity instanceof HibernateProxy) {
            return null;
        }
        try {
            return session.getEntityPersister(entityName, entity);
        } catch (RuntimeException notAnEntity) {
            return null;
        }
    }
}
