package dev.zt.example.orders.service;

import dev.zt.cdi.RequiresScope;
import dev.zt.core.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;

/**
 * The orders of the caller's tenant. Each method names the scope it needs (zt-cdi checks it before
 * the method runs); the tenant is never a parameter: zt-jpa confines every query, load and write to
 * the tenant of the verified caller.
 */
@ApplicationScoped
public class OrderService {

    private final OrderStore store;
    private final InventoryClient inventory;
    private final Provider<Actor> caller;

    @Inject
    public OrderService(OrderStore store, InventoryClient inventory, Provider<Actor> caller) {
        this.store = store;
        this.inventory = inventory;
        this.caller = caller;
    }

    /** For the CDI proxy. */
    protected OrderService() {
        this(null, null, null);
    }

    @RequiresScope("orders:read")
    public List<PurchaseOrder> list() {
        return store.inTransaction(em -> em.createQuery(
                "select o from PurchaseOrder o order by o.id", PurchaseOrder.class).getResultList());
    }

    /** Another tenant's order is not found, exactly like a missing one. */
    @RequiresScope("orders:read")
    public Optional<PurchaseOrder> find(String id) {
        Optional<Long> key = parseId(id);
        return key.flatMap(k -> store.inTransaction(em -> Optional.ofNullable(em.find(PurchaseOrder.class, k))));
    }

    /**
     * Checks the stock at the inventory service on behalf of the caller, then stores the order.
     *
     * @param callerToken the caller's own access token (the subject token of the exchange)
     * @throws StockCheckException when the item is unknown, short, or the inventory cannot be asked
     */
    @RequiresScope("orders:write")
    public PurchaseOrder place(OrderRequest request, String callerToken) {
        int available = inventory.available(request.item(), callerToken);
        if (available < request.quantity()) {
            throw new StockCheckException(StockCheckException.Outcome.INSUFFICIENT_STOCK,
                    available + " of " + request.item() + " in stock", null);
        }
        PurchaseOrder order = new PurchaseOrder(request.item(), request.quantity(), caller.get().subject());
        return store.inTransaction(em -> {
            em.persist(order);
            return order;
        });
    }

    /** @return false when there is no such order in the caller's tenant */
    @RequiresScope("orders:delete")
    public boolean delete(String id) {
        Optional<Long> key = parseId(id);
        return key.map(k -> store.inTransaction(em -> {
            PurchaseOrder order = em.find(PurchaseOrder.class, k);
            if (order == null) {
                return false;
            }
            em.remove(order);
            return true;
        })).orElse(false);
    }

    private static Optional<Long> parseId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
