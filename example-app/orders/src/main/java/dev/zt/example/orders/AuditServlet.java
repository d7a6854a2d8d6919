package dev.zt.example.orders;

import dev.zt.core.AuditEvent;
import dev.zt.example.orders.service.AuditLog;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /api/audit/events[?limit=N]}: the caller's tenant's recent access decisions in this
 * service, newest first, each in zt's audit JSON form ({@code {"events":[{...},...]}}). Needs scope
 * {@code audit:read} (checked on {@link AuditLog}); a refusal propagates to the zt filter (403).
 */
@WebServlet(urlPatterns = "/api/audit/events")
public class AuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private transient AuditLog auditLog;

    @Override
    public void init() {
        auditLog = CDI.current().select(AuditLog.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int limit;
        try {
            limit = limit(req.getParameter("limit"));
        } catch (IllegalArgumentException e) {
            Json.send(resp, 400, "application/problem+json", Json.problem(400, "Bad Request", e.getMessage()));
            return;
        }
        List<AuditEvent> events = auditLog.recentForCallersTenant(limit);
        Json.send(resp, 200, "application/json",
                events.stream().map(AuditEvent::toJson).collect(Collectors.joining(",", "{\"events\":[", "]}")));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT);
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a number from 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
