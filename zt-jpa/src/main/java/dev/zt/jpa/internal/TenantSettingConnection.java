package dev.zt.jpa.internal;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.jpa.ZtJpaSettings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * A connection that, before the first statement of each transaction, runs
 * {@code select set_config('zt.tenant', <caller's tenant>, true)}. The setting is transaction-local,
 * so it ends with the commit or rollback and never lingers on a pooled connection. In autocommit
 * mode (no transaction) nothing is set, and a row-level-security policy shows no rows: fail closed.
 * A cross-tenant session, or work without an actor, sets nothing either.
 */
final class TenantSettingConnection implements InvocationHandler {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final Set<String> TRANSACTION_BOUNDARIES = Set.of("commit", "rollback", "setAutoCommit");

    private final Connection target;
    private boolean tenantSet;

    private TenantSettingConnection(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(TenantSettingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TenantSettingConnection(target));
    }

    static Connection unwrap(Connection connection) {
        if (Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof TenantSettingConnection handler) {
            return handler.target;
        }
        return connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (STATEMENT_FACTORIES.contains(name) && !tenantSet && !target.getAutoCommit()) {
            applyTenant();
        }
        try {
            Object result = method.invoke(target, args);
            if (TRANSACTION_BOUNDARIES.contains(name)) {
                tenantSet = false;
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void applyTenant() throws SQLException {
        // Hibernate's own work without an actor (start-up, schema tools) gets no tenant: the policy
        // then shows no rows. Sessions cannot open without an actor (the resolver throws).
        if (CrossTenantSection.isOpen()) {
            return;
        }
        String tenant = ActorContext.current().flatMap(Actor::tenant).orElse(null);
        if (tenant == null) {
            return;
        }
        try (PreparedStatement statement = target.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, ZtJpaSettings.TENANT_SETTING);
            statement.setString(2, tenant);
            statement.execute();
        }
        tenantSet = true;
    }
}
