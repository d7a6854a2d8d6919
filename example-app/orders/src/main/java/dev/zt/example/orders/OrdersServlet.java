package dev.zt.example.orders;

import dev.zt.example.orders.service.OrderRequest;
import dev.zt.example.orders.service.OrderService;
import dev.zt.example.orders.service.PurchaseOrder;
import dev.zt.example.orders.service.ServiceBusyException;
import dev.zt.example.orders.service.StockCheckException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /api/orders}: HTTP only. The zt filter has verified the caller before this runs; the scope
 * checks sit on {@link OrderService} and the tenant scoping in the persistence unit. A refused
 * scope ({@code InsufficientScopeException}) propagates to the zt filter, which answers 403
 * {@code insufficient_scope}.
 */
@WebServlet(urlPatterns = {"/api/orders", "/api/orders/*"})
public class OrdersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_BYTES = 4096;
    private static final String NOT_FOUND = Json.problem(404, "Not Found", "No such order.");

    private transient OrderService orders;

    @Override
    public void init() {
        // CDI.current() works alike in WildFly and in Weld servlet; no container-specific servlet injection
        orders = CDI.current().select(OrderService.class).get();
    }

    /** A request that waited too long for the database: 503, to be retried. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException, IOException {
        try {
            super.service(req, resp);
        } catch (ServiceBusyException e) {
            log(e.getMessage());
            resp.setHeader("Retry-After", "1");
            sendProblem(resp, 503, Json.problem(503, "Service Unavailable", "Busy; retry shortly."));
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = idOf(req);
        if (id == null) {
            send(resp, 200, Json.orders(orders.list()));
            return;
        }
        Optional<PurchaseOrder> order = orders.find(id);
        if (order.isPresent()) {
            send(resp, 200, Json.order(order.get()));
        } else {
            sendProblem(resp, 404, NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (idOf(req) != null) {
            sendProblem(resp, 405, Json.problem(405, "Method Not Allowed", "POST to /api/orders."));
            return;
        }
        OrderRequest request;
        try {
            request = OrderRequest.fromJson(Json.readObject(req, MAX_BODY_BYTES));
        } catch (IllegalArgumentException e) {
            sendProblem(resp, 400, Json.problem(400, "Bad Request", e.getMessage()));
            return;
        }
        try {
            PurchaseOrder order = orders.place(request, bearerToken(req));
            resp.setHeader("Location", req.getRequestURL().append('/').append(order.id()).toString());
            send(resp, 201, Json.order(order));
        } catch (StockCheckException e) {
            int status = e.outcome().status();
            sendProblem(resp, status, Json.problem(status, e.outcome().name(), switch (e.outcome()) {
                case UNKNOWN_ITEM -> "The inventory does not know this item.";
                case INSUFFICIENT_STOCK -> "Not enough items in stock.";
                case INVENTORY_UNAVAILABLE -> "The stock could not be checked.";
            }));
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = idOf(req);
        if (id != null && orders.delete(id)) {
            resp.setStatus(204);
        } else {
            sendProblem(resp, 404, NOT_FOUND);
        }
    }

    /** {@code null} for the collection, else the single path segment after {@code /api/orders/}. */
    private static String idOf(HttpServletRequest req) {
        String path = req.getPathInfo();
        return path == null || path.equals("/") ? null : path.substring(1);
    }

    /** The caller's own token, already verified by the zt filter: the subject token of the exchange. */
    private static String bearerToken(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        return header.substring("Bearer".length()).strip();
    }


    private static void send(HttpServletResponse resp, int status, String json) throws IOException {
        Json.send(resp, status, "application/json", json);
    }

    private static void sendProblem(HttpServletResponse resp, int status, String json) throws IOException {
        Json.send(resp, status, "application/problem+json", json);
    }
}
