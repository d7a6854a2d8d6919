package dev.zt.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowLevelSecurityPolicyTest {

    @Test
    void ddl_enablesRlsAndGuardsReadsAndWritesWithTheTenantSetting() {
        assertThat(RowLevelSecurityPolicy.ddl("customer", "tenant_id")).containsExactly(
                "ALTER TABLE customer ENABLE ROW LEVEL SECURITY",
                "DROP POLICY IF EXISTS zt_tenant_isolation ON customer",
                "CREATE POLICY zt_tenant_isolation ON customer USING (tenant_id = current_setting('zt.tenant', true))"
                        + " WITH CHECK (tenant_id = current_setting('zt.tenant', true))");
    }

    @Test
    void ddl_withNonIdentifier_isRejected() {
        assertThatThrownBy(() -> RowLevelSecurityPolicy.ddl("customer; drop table x", "tenant_id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowLevelSecurityPolicy.ddl("customer", "tenant_id)--"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
