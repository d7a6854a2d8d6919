package dev.zt.keycloak.it;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.filter.ZeroTrustFilter;
import dev.zt.filter.ZeroTrustSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jose4j.json.JsonUtil;

/** An embedded Jetty 12 on 127.0.0.1 with the {@link ZeroTrustFilter} built from configuration, in front of a servlet echoing the actor. */
final class FilteredService implements AutoCloseable {

    private final Server server;
    private final int port;

    private FilteredService(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static FilteredService start(Map<String, String> configuration) throws Exception {
        ZeroTrustSettings settings = ZeroTrustSettings.fromConfiguration(configuration::get, Clock.systemUTC());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new ZeroTrustFilter(settings)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new EchoServlet()), "/");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.setStopTimeout(2_000);
        server.start();
        return new FilteredService(server, connector.getLocalPort());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e, e);
        }
    }

    /** What the application sees of the caller. */
    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Actor actor = ActorContext.require();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("principal", request.getUserPrincipal().getName());
            values.put("subject", actor.subject());
            values.put("kind", actor.kind().name());
            values.put("tenant", actor.tenant().orElse(null));
            values.put("scopes", actor.scopes().stream().sorted().toList());
            values.put("actedBy", actor.actingParties().stream().map(ActingParty::subject).toList());
            byte[] body = JsonUtil.toJson(values).getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
