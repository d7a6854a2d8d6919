package dev.zt.jpa.internal;

import org.hibernate.engine.query.spi.NativeQueryInterpreter;
import org.hibernate.engine.query.spi.NativeQueryInterpreterInitiator;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;

/** Registered through {@code META-INF/services}: puts {@link NativeSqlGuard} in front of Hibernate's interpreter. */
public final class NativeSqlGuardContributor implements SessionFactoryServiceContributor {

    @Override
    public void contribute(SessionFactoryServiceRegistryBuilder builder) {
        builder.addInitiator(new Initiator());
    }

    private static final class Initiator implements SessionFactoryServiceInitiator<NativeQueryInterpreter> {

        @Override
        public NativeQueryInterpreter initiateService(SessionFactoryServiceInitiatorContext context) {
            NativeQueryInterpreter standard = NativeQueryInterpreterInitiator.INSTANCE.initiateService(context);
            return new NativeSqlGuard(standard, context.getSessionFactory());
        }

        @Override
        public Class<NativeQueryInterpreter> getServiceInitiated() {
            return NativeQueryInterpreter.class;
        }
    }
}
