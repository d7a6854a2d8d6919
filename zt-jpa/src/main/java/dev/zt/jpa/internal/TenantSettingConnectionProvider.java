package dev.zt.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Stoppable;

/**
 * Hands out connections that set the caller's tenant as a transaction-local PostgreSQL setting
 * ({@link TenantSettingConnection}); life-cycle calls go to the wrapped provider.
 */
final class TenantSettingConnectionProvider implements ConnectionProvider, Configurable, Stoppable,
        ServiceRegistryAwareService {

    private static final long serialVersionUID = 1L;

    private final ConnectionProvider delegate;

    TenantSettingConnectionProvider(ConnectionProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return TenantSettingConnection.wrap(delegate.getConnection());
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        delegate.closeConnection(TenantSettingConnection.unwrap(connection));
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return delegate.supportsAggressiveRelease();
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this) || delegate.isUnwrappableAs(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? (T) this : delegate.unwrap(type);
    }

    @Override
    public void configure(Map<String, Object> settings) {
        if (delegate instanceof Configurable configurable) {
            configurable.configure(settings);
        }
    }

    @Override
    public void injectServices(ServiceRegistryImplementor registry) {
        if (delegate instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(registry);
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }
}
