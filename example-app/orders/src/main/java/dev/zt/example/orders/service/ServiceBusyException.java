package dev.zt.example.orders.service;

/** No database connection became free in time; answered 503 with {@code Retry-After}. */
public final class ServiceBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServiceBusyException(String message) {
        super(message);
    }
}
