package dev.zt.example.orders.service;

import dev.zt.jpa.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order of one tenant. The tenant is never set here: zt-jpa stamps the caller's tenant on
 * persist and confines every read, update and delete to it.
 */
@Entity(name = "PurchaseOrder")
@Table(name = "purchase_order")
public class PurchaseOrder extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String item;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    protected PurchaseOrder() {
        // for JPA
    }

    PurchaseOrder(String item, int quantity, String createdBy) {
        this.item = item;
        this.quantity = quantity;
        this.createdBy = createdBy;
    }

    public Long id() {
        return id;
    }

    public String item() {
        return item;
    }

    public int quantity() {
        return quantity;
    }

    public String createdBy() {
        return createdBy;
    }
}
