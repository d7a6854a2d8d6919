package dev.zt.jpa.internal;

import dev.zt.jpa.ActorTenantResolver;
import dev.zt.jpa.TenantStatementInspector;
import dev.zt.jpa.TenantViolationException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Registered through {@code META-INF/services}: when a persistence unit maps a tenant-scoped entity,
 * checks that zt's resolver and inspector are configured (else {@code ZT-4010}: the factory does not
 * start) and installs the guards.
 */
public final class ZtIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        if (!mapsTenantEntities(metadata)) {
            return;
        }
        requireConfiguration(factory.getSessionFactoryOptions());
        CollectionFilters.apply(metadata);
        LazyTenantModel model = new LazyTenantModel(factory);
        TenantSessionGuard sessionGuard = new TenantSessionGuard(model);
        TenantWriteGuard writeGuard = new TenantWriteGuard(model);
        EventListenerRegistry listeners = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.prependListeners(EventType.LOAD, sessionGuard);
        listeners.prependListeners(EventType.PERSIST, sessionGuard);
        listeners.prependListeners(EventType.PERSIST_ONFLUSH, sessionGuard);
        listeners.prependListeners(EventType.MERGE, sessionGuard);
        listeners.prependListeners(EventType.DELETE, sessionGuard);
        listeners.prependListeners(EventType.FLUSH, sessionGuard);
        listeners.prependListeners(EventType.AUTO_FLUSH, sessionGuard);
        listeners.appendListeners(EventType.POST_LOAD, new TenantLoadGuard(model));
        listeners.appendListeners(EventType.PRE_INSERT, writeGuard);
        listeners.appendListeners(EventType.PRE_UPDATE, writeGuard);
        listeners.appendListeners(EventType.PRE_DELETE, writeGuard);
        listeners.appendListeners(EventType.FLUSH_ENTITY, writeGuard);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release: the guards live and die with the factory
    }

    private static boolean mapsTenantEntities(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getMappedClass() != null && TenantModel.tenantAttribute(entity.getMappedClass()) != null) {
                return true;
            }
        }
        return false;
    }

    /** A configuration error at start-up, not an access decision: no audit event. */
    private static void requireConfiguration(SessionFactoryOptions options) {
        Object resolver = options.getCurrentTenantIdentifierResolver();
        if (!(resolver instanceof ActorTenantResolver)) {
            throw new TenantViolationException("ZT-4010", "tenant-scoped entities need"
                    + " hibernate.tenant_identifier_resolver=" + ActorTenantResolver.class.getName());
        }
        if (!(options.getStatementInspector() instanceof TenantStatementInspector)) {
            throw new TenantViolationException("ZT-4010", "tenant-scoped entities need"
                    + " hibernate.session_factory.statement_inspector=" + TenantStatementInspector.class.getName());
        }
    }
}
