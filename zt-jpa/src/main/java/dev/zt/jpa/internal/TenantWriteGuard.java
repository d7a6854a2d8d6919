package dev.zt.jpa.internal;

import dev.zt.core.Actor;
import dev.zt.jpa.ActorTenantResolver;
import java.util.Objects;
import org.hibernate.FlushMode;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.SelectionQuery;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;

/**
 * Closes the write paths Hibernate's tenant filter does not guard:
 * <ul>
 *   <li>insert: the tenant must be the session's (and a real tenant in a cross-tenant session);</li>
 *   <li>the tenant attribute of a loaded entity cannot change;</li>
 *   <li>update and delete of an entity that was not loaded through the filter (StatelessSession,
 *       re-attached instances) first prove the row is visible to the session's tenant.</li>
 * </ul>
 * Each refusal is recorded by {@link TenantDecisions}.
 */
final class TenantWriteGuard implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener,
        FlushEntityEventListener {

    private static final long serialVersionUID = 1L;

    private final transient LazyTenantModel model;

    TenantWriteGuard(LazyTenantModel model) {
        this.model = model;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        int index = model.get().tenantIndex(event.getPersister());
        if (index < 0) {
            return false;
        }
        Object tenant = event.getState()[index];
        String sessionTenant = SessionTenant.of(EventSessions.of(event), "insert");
        boolean cross = ActorTenantResolver.CROSS_TENANT.equals(sessionTenant);
        // null: Hibernate stamps the session's tenant after this event, which in a cross-tenant
        // session would be the root marker, so there it must be set explicitly
        boolean stampedLater = tenant == null && !cross;
        if (!stampedLater && (tenant == null || !Actor.TENANT_PATTERN.matcher(tenant.toString()).matches()
                || (!cross && !tenant.equals(sessionTenant)))) {
            throw TenantDecisions.denied("ZT-4002", "insert", TenantDecisions.target(event.getPersister(), event.getId()),
                    "insert of " + event.getPersister().getEntityName() + " with a tenant other than the caller's");
        }
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        int index = model.get().tenantIndex(persister);
        if (index < 0 || SessionTenant.isCrossTenant(EventSessions.of(event), "update")) {
            return false;
        }
        if (!Objects.equals(event.getState()[index], SessionTenant.of(EventSessions.of(event), "update"))) {
            throw TenantDecisions.denied("ZT-4005", "update", TenantDecisions.target(persister, event.getId()),
                    "the tenant of " + persister.getEntityName() + " cannot be changed");
        }
        if (isStateless(EventSessions.of(event)) || event.getOldState() == null) {
            requireVisible(EventSessions.of(event), persister, event.getId(), "update");
        }
        return false;
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        int index = model.get().tenantIndex(persister);
        if (index < 0 || SessionTenant.isCrossTenant(EventSessions.of(event), "delete")) {
            return false;
        }
        if (isStateless(EventSessions.of(event)) || event.getDeletedState() == null) {
            requireVisible(EventSessions.of(event), persister, event.getId(), "delete");
        }
        return false;
    }

    @Override
    public void onFlushEntity(FlushEntityEvent event) {
        EntityEntry entry = event.getEntityEntry();
        Object[] loaded = entry.getLoadedState();
        int index = model.get().tenantIndex(entry.getPersister());
        if (index < 0 || loaded == null) {
            return;
        }
        Object now = entry.getPersister().getValue(event.getEntity(), index);
        if (!Objects.equals(now, loaded[index])) {
            throw TenantDecisions.denied("ZT-4005", "update", TenantDecisions.target(entry.getPersister(), entry.getId()),
                    "the tenant of " + entry.getPersister().getEntityName() + " cannot be changed");
        }
    }

    private static boolean isStateless(SharedSessionContractImplementor session) {
        return session == null || session.isStatelessSession();
    }

    /**
     * One filtered count: another tenant's row and a missing row give the same answer. A stateful
     * session counts itself (without flushing); a stateless one (whose events carry no session in
     * Hibernate 6.6) counts in a short stateless session of the same tenant, which sees committed
     * rows only.
     */
    private void requireVisible(SharedSessionContractImplementor session, EntityPersister persister,
            Object id, String operation) {
        String hql = "select count(*) from " + persister.getEntityName() + " e where e."
                + persister.getIdentifierPropertyName() + " = :id";
        long count;
        if (session != null && !session.isStatelessSession()) {
            SelectionQuery<Long> query = session.createSelectionQuery(hql, Long.class);
            query.setHibernateFlushMode(FlushMode.MANUAL);
            count = query.setParameter("id", id).getSingleResult();
        } else {
            count = countInOwnSession(persister.getFactory(), hql, id);
        }
        if (count == 0L) {
            throw TenantDecisions.denied("ZT-4004", operation, TenantDecisions.target(persister, id),
                    operation + " of " + persister.getEntityName() + " rejected: no such row for the caller's tenant");
        }
    }

    private static long countInOwnSession(SessionFactoryImplementor factory, String hql, Object id) {
        boolean jta = factory.getServiceRegistry().requireService(TransactionCoordinatorBuilder.class).isJta();
        try (StatelessSession probe = factory.openStatelessSession()) {
            if (!jta) {
                probe.getTransaction().begin();
            }
            try {
                return probe.createSelectionQuery(hql, Long.class).setParameter("id", id).getSingleResult();
            } finally {
                if (!jta) {
                    probe.getTransaction().rollback();
                }
            }
        }
    }
}
