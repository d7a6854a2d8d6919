package dev.zt.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.jpa.TenantScopedEntity;
import dev.zt.jpa.model.Country;
import dev.zt.jpa.model.Customer;
import dev.zt.jpa.model.PurchaseOrder;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantModelTest {

    private final TenantModel model = TenantModel.ofTables(Set.of("customer", "order_line"));

    @Test
    void referencesTenantTable_anyCaseQuotedOrQualified_isDetected() {
        assertThat(model.referencesTenantTable("select * from customer")).isTrue();
        assertThat(model.referencesTenantTable("SELECT * FROM Customer c")).isTrue();
        assertThat(model.referencesTenantTable("select * from public.\"order_line\" l")).isTrue();
        assertThat(model.referencesTenantTable("update x set a = (select max(id) from customer)")).isTrue();
        assertThat(model.referencesTenantTable("delete from customer\nwhere id = 1")).isTrue();
    }

    @Test
    void referencesTenantTable_otherTablesOrLongerNames_isNotDetected() {
        assertThat(model.referencesTenantTable("select * from country")).isFalse();
        assertThat(model.referencesTenantTable("select * from customer_archive")).isFalse();
        assertThat(model.referencesTenantTable("select * from old_customer")).isFalse();
    }

    @Test
    void referencesTenantTable_withNoTenantTables_isNeverDetected() {
        assertThat(TenantModel.ofTables(Set.of()).referencesTenantTable("select * from customer")).isFalse();
    }

    @Test
    void tenantAttribute_declaredOrInherited_isFound() {
        assertThat(TenantModel.tenantAttribute(PurchaseOrder.class)).isEqualTo("tenant");
        assertThat(TenantModel.tenantAttribute(Customer.class)).isEqualTo("tenant");
        assertThat(TenantModel.tenantAttribute(TenantScopedEntity.class)).isEqualTo("tenant");
        assertThat(TenantModel.tenantAttribute(Country.class)).isNull();
    }
}
