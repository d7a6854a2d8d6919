package dev.zt.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** {@code bench_order} as a zt tenant-scoped entity. */
@Entity(name = "ZtOrder")
@Table(name = "bench_order")
public class ZtOrder {

    @Id
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenant;

    private String customer;

    private int amount;

    protected ZtOrder() {
    }

    public Long getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }
}
