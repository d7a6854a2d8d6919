package dev.zt.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * The same table behind a plain Hibernate filter, without zt: separates the cost of Hibernate's
 * filter mechanism (which {@code @TenantId} uses) from the cost of zt's own guards.
 */
@Entity(name = "FilteredOrder")
@Table(name = "bench_order")
@FilterDef(name = "tenant", parameters = @ParamDef(name = "tenant", type = String.class), applyToLoadByKey = true)
@Filter(name = "tenant", condition = "tenant_id = :tenant")
public class FilteredOrder {

    @Id
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    private String customer;

    private int amount;

    protected FilteredOrder() {
    }

    public Long getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }
}
