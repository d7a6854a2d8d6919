package dev.zt.example.inventory;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.example.inventory.stock.StockLevels;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/items/{sku}}: the stock of one item, and who asked. A service acting for a user
 * (RFC 8693 token exchange) shows up as the user with the service in {@code actingParties}.
 */
@WebServlet("/api/items/*")
public class ItemsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ItemsServlet.class.getName());

    private transient StockLevels stock;

    @Override
    public void init() {
        stock = CDI.current().select(StockLevels.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String sku = path == null || path.length() < 2 ? "" : path.substring(1);
        OptionalLong available = stock.available(sku);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        if (available.isEmpty()) {
            resp.setStatus(404);
            resp.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such item.\"}");
            return;
        }
        Actor caller = ActorContext.require();
        LOG.log(Level.FINE, "ZT-EX-2001 stock of {0} read by {1} via {2}",
                new Object[] {sku, caller.subject(), caller.actingParties()});
        StringBuilder acting = new StringBuilder("[");
        for (ActingParty party : caller.actingParties()) {
            acting.append(acting.length() == 1 ? "" : ",").append(string(party.subject()));
        }
        acting.append(']');
        resp.getWriter().write("{\"sku\":" + string(sku)
                + ",\"available\":" + available.getAsLong()
                + ",\"caller\":{\"subject\":" + string(caller.subject())
                + ",\"tenant\":" + caller.tenant().map(ItemsServlet::string).orElse("null")
                + ",\"kind\":" + string(caller.kind().name())
                + ",\"actingParties\":" + acting + "}}");
    }

    /** SKUs and subjects are restricted token strings; escape anyway. */
    private static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "") + "\"";
    }
}
