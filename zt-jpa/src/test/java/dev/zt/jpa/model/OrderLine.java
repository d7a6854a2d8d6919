package dev.zt.jpa.model;

import dev.zt.jpa.TenantScopedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_line")
public class OrderLine extends TenantScopedEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String product;

    @ManyToOne(fetch = FetchType.EAGER)
    private PurchaseOrder order;

    protected OrderLine() {
    }

    public OrderLine(PurchaseOrder order, String product) {
        this.order = order;
        this.product = product;
    }

    public Long getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public PurchaseOrder getOrder() {
        return order;
    }
}
