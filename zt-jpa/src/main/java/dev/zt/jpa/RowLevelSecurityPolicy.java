package dev.zt.jpa;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The PostgreSQL row-level-security DDL that matches {@value ZtJpaSettings#ROW_LEVEL_SECURITY}
 * {@code =true}: rows are visible and writable only when their tenant column equals the
 * transaction-local setting {@code zt.tenant} that zt sets. Run it as the table owner; the
 * application must connect as a different role, without {@code BYPASSRLS} (owners bypass policies
 * unless {@code FORCE ROW LEVEL SECURITY} is added). With no setting (no transaction, or a
 * cross-tenant session) no row is visible: the policy fails closed.
 *
 * <pre>
 * ALTER TABLE customer ENABLE ROW LEVEL SECURITY;
 * DROP POLICY IF EXISTS zt_tenant_isolation ON customer;
 * CREATE POLICY zt_tenant_isolation ON customer
 *     USING (tenant_id = current_setting('zt.tenant', true))
 *     WITH CHECK (tenant_id = current_setting('zt.tenant', true));
 * </pre>
 */
public final class RowLevelSecurityPolicy {

    /** The name of the policy the DDL creates. */
    public static final String POLICY_NAME = "zt_tenant_isolation";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private RowLevelSecurityPolicy() {
    }

    /** The statements, in order, for one table; idempotent. */
    public static List<String> ddl(String table, String tenantColumn) {
        requireIdentifier(table, "table");
        requireIdentifier(tenantColumn, "tenantColumn");
        String predicate = tenantColumn + " = current_setting('" + ZtJpaSettings.TENANT_SETTING + "', true)";
        return List.of(
                "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY",
                "DROP POLICY IF EXISTS " + POLICY_NAME + " ON " + table,
                "CREATE POLICY " + POLICY_NAME + " ON " + table + " USING (" + predicate + ") WITH CHECK (" + predicate + ")");
    }

    private static void requireIdentifier(String value, String name) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a plain SQL identifier (optionally schema-qualified): " + value);
        }
    }
}
