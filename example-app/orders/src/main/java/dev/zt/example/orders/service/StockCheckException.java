package dev.zt.example.orders.service;

/** Why an order could not be placed after asking the inventory service. */
public final class StockCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The outcome, each with the status the orders API answers. */
    public enum Outcome {
        /** The inventory service does not know the item: 422. */
        UNKNOWN_ITEM(422),
        /** Fewer items in stock than ordered: 409. */
        INSUFFICIENT_STOCK(409),
        /** No token, or the inventory service refused or failed: 502. */
        INVENTORY_UNAVAILABLE(502);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Outcome outcome;

    StockCheckException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
