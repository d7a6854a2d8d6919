package dev.zt.example.orders;

import dev.zt.example.orders.service.PurchaseOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import java.util.List;

/** The few JSON shapes this service writes. */
final class Json {

    private Json() {
    }

    static String order(PurchaseOrder o) {
        return "{\"id\":" + o.id()
                + ",\"tenant\":" + string(o.tenant())
                + ",\"item\":" + string(o.item())
                + ",\"quantity\":" + o.quantity()
                + ",\"createdBy\":" + string(o.createdBy()) + "}";
    }

    static String orders(List<PurchaseOrder> orders) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < orders.size(); i++) {
            out.append(i == 0 ? "" : ",").append(order(orders.get(i)));
        }
        return out.append(']').toString();
    }

    static String deployment(dev.zt.example.orders.service.Deployment d) {
        return "{\"version\":" + string(d.version()) + ",\"by\":" + string(d.by())
                + ",\"kind\":" + string(d.kind()) + "}";
    }

    /** An RFC 9457 problem body with a fixed, generic detail. */
    static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + string(title) + ",\"status\":" + status
                + ",\"detail\":" + string(detail) + "}";
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A bounded {@code application/json} body that must be one JSON object; IllegalArgumentException otherwise. */
    static Map<String, Object> readObject(HttpServletRequest req, int maxBytes) throws IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new IllegalArgumentException("the body must be application/json");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            throw new IllegalArgumentException("the body is larger than " + maxBytes + " bytes");
        }
        try {
            Map<String, Object> json = JsonUtil.parseJson(new String(body, StandardCharsets.UTF_8));
            if (json == null) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return json;
        } catch (JoseException | ClassCastException e) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }

    static void send(HttpServletResponse resp, int status, String contentType, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(json);
    }
}
