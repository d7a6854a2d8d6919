package dev.zt.jpa.internal;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The {@link TenantModel} of one session factory, built when first needed (the metamodel is ready by then). */
final class LazyTenantModel {

    private final SessionFactoryImplementor factory;
    private volatile TenantModel model;

    LazyTenantModel(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    TenantModel get() {
        TenantModel m = model;
        if (m == null) {
            m = TenantModel.of(factory);
            model = m;
        }
        return m;
    }
}
