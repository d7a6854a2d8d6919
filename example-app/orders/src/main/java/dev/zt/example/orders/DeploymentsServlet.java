package dev.zt.example.orders;

import dev.zt.example.orders.service.Deployment;
import dev.zt.example.orders.service.DeploymentService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * {@code POST /api/deployments} {@code {"version":"1.2.3"}}: a deploy-style endpoint for a CI
 * pipeline. HTTP only; the scope check ({@code deploy:production}) sits on {@link DeploymentService},
 * and a refusal propagates to the zt filter, which answers 403 {@code insufficient_scope}.
 */
@WebServlet(urlPatterns = "/api/deployments")
public class DeploymentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_BYTES = 1024;

    private transient DeploymentService deployments;

    @Override
    public void init() {
        deployments = CDI.current().select(DeploymentService.class).get();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String version;
        try {
            version = Deployment.versionFromJson(readJsonObject(req));
        } catch (IllegalArgumentException e) {
            send(resp, 400, "application/problem+json", Json.problem(400, "Bad Request", e.getMessage()));
            return;
        }
        send(resp, 202, "application/json", Json.deployment(deployments.deploy(version)));
    }

    private static Map<String, Object> readJsonObject(HttpServletRequest req) throws IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new IllegalArgumentException("the body must be application/json");
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
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

    private static void send(HttpServletResponse resp, int status, String type, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(json);
    }
}
