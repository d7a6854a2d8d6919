package dev.zt.jpa.internal;

import dev.zt.jpa.ZtJpaSettings;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Registered through {@code META-INF/services}. With {@value ZtJpaSettings#ROW_LEVEL_SECURITY}
 * {@code =true}, wraps the connection provider Hibernate would have used in a
 * {@link TenantSettingConnectionProvider}; otherwise leaves it untouched.
 */
public final class RlsServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new Initiator());
    }

    private static final class Initiator implements StandardServiceInitiator<ConnectionProvider> {

        @Override
        public ConnectionProvider initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
            ConnectionProvider standard = ConnectionProviderInitiator.INSTANCE.initiateService(settings, registry);
            if (standard == null || !Boolean.parseBoolean(String.valueOf(settings.get(ZtJpaSettings.ROW_LEVEL_SECURITY)))) {
                return standard;
            }
            return new TenantSettingConnectionProvider(standard);
        }

        @Override
        public Class<ConnectionProvider> getServiceInitiated() {
            return ConnectionProvider.class;
        }
    }
}
