package dev.zt.jpa;

import java.util.HashMap;
import java.util.Map;

/**
 * Configuration keys of zt-jpa (persistence-unit properties) and the Hibernate settings zt needs.
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #ROW_LEVEL_SECURITY}</td><td>{@code false}</td><td>set
 *   {@code set_config('zt.tenant', tenant, true)} in every transaction (PostgreSQL)</td></tr>
 *   <tr><td>{@value #CROSS_TENANT_SCOPE}</td><td>{@value #DEFAULT_CROSS_TENANT_SCOPE}</td><td>the
 *   scope {@link CrossTenantAccess} requires</td></tr>
 * </table>
 */
public final class ZtJpaSettings {

    /** {@code true} turns on the PostgreSQL transaction-local tenant setting for row-level security. */
    public static final String ROW_LEVEL_SECURITY = "zt.jpa.rls";

    /** The scope an actor needs for {@link CrossTenantAccess}. */
    public static final String CROSS_TENANT_SCOPE = "zt.jpa.cross-tenant.scope";

    public static final String DEFAULT_CROSS_TENANT_SCOPE = "zt:cross-tenant";

    /** The PostgreSQL setting that carries the tenant for row-level-security policies. */
    public static final String TENANT_SETTING = "zt.tenant";

    private ZtJpaSettings() {
    }

    /**
     * The two Hibernate settings zt requires, for Java SE bootstrap; in a {@code persistence.xml}
     * write them as properties. zt refuses to start without them ({@code ZT-4010}).
     */
    public static Map<String, Object> hibernateSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.tenant_identifier_resolver", ActorTenantResolver.class.getName());
        settings.put("hibernate.session_factory.statement_inspector", TenantStatementInspector.class.getName());
        return settings;
    }
}
