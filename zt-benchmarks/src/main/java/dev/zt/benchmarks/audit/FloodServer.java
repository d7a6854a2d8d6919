package dev.zt.benchmarks.audit;

import dev.zt.core.AuditTrail;
import dev.zt.core.Jwks;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenVerifier;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import dev.zt.filter.ZeroTrustFilter;
import dev.zt.filter.ZeroTrustSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 (ee10) on 127.0.0.1 and an ephemeral port: the {@link ZeroTrustFilter} with {@code trail}
 * in front of one guarded servlet that answers {@code ok <subject>}. Tokens of {@link TestTokens#valid()}
 * pass; anything else is refused by the filter.
 */
final class FloodServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private FloodServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static FloodServer start(AuditTrail trail) throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(
                TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build(),
                Jwks.fromJson(TestKeys.jwks())).build();
        ZeroTrustSettings settings = ZeroTrustSettings.builder(verifier).auditTrail(trail).build();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new ZeroTrustFilter(settings)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new GuardedServlet()), "/");

        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("zt-flood");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.setStopTimeout(2_000);
        server.start();
        return new FloodServer(server, connector.getLocalPort());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** What an application behind the filter does in the cheapest case: answers the authenticated caller. */
    static final class GuardedServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = ("ok " + request.getUserPrincipal().getName() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType("text/plain;charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
