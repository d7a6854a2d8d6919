package dev.zt.example.orders;

import dev.zt.example.orders.service.PurchaseOrder;
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
}
