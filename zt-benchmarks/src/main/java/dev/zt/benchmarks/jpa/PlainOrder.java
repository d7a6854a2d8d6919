package dev.zt.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The same table mapped without zt: the baseline writes the tenant predicate by hand. */
@Entity(name = "PlainOrder")
@Table(name = "bench_order")
public class PlainOrder {

    @Id
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    private String customer;

    private int amount;

    protected PlainOrder() {
    }

    public Long getId() {
        return id;
    }

    public int getAmount() {
        return amount;
    }
}
