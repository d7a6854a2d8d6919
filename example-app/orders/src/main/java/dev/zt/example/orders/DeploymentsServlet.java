package dev.zt.example.orders;

import dev.zt.example.orders.service.Deployment;
import dev.zt.example.orders.service.DeploymentService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
            version = Deployment.versionFromJson(Json.readObject(req, MAX_BODY_BYTES));
        } catch (IllegalArgumentException e) {
            Json.send(resp, 400, "application/problem+json", Json.problem(400, "Bad Request", e.getMessage()));
            return;
        }
        Json.send(resp, 202, "application/json", Json.deployment(deployments.deploy(version)));
    }
}
