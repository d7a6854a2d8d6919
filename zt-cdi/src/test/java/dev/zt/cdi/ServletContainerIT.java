package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.cdi.fixtures.DecisionRecorder;
import dev.zt.cdi.fixtures.OrderService;
import dev.zt.cdi.fixtures.RequestCaller;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.ContainerContext;
import org.jboss.weld.environment.servlet.Listener;
import org.jboss.weld.resources.spi.ResourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * zt-cdi in a servlet container: embedded Jetty 12 (ee10) with the Weld servlet listener, which gives
 * every HTTP request its own request context. A stand-in for zt-filter binds the actor from test
 * headers for the request and maps the exceptions as zt-filter does (401 / 403 insufficient_scope).
 */
class ServletContainerIT {

    private static WeldContainer weld;
    private static Server server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        weld = new Weld(UUID.randomUUID().toString()).disableDiscovery().addExtension(new ZeroTrustExtension())
                .addBeanClasses(OrderService.class, RequestCaller.class, DecisionRecorder.class).initialize();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // Weld's own Jetty integration targets Jetty 9 APIs; servlets here need no injection, so none
        context.setInitParameter(Container.CONTEXT_PARAM_CONTAINER_CLASS, NoServletInjection.class.getName());
        context.addEventListener(Listener.using(weld.getBeanManager()));
        context.addServlet(new ServletHolder(new OrdersServlet(weld)), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (weld != null) {
            weld.close();
        }
    }

    @Test
    void placeWhenRequestActorHasScopeThenOk() throws Exception {
        HttpResponse<String> response = get("/place", "alice", "orders:write");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("placed book");
    }

    @Test
    void placeWhenRequestActorLacksScopeThen403InsufficientScope() throws Exception {
        HttpResponse<String> response = get("/place", "alice", "orders:writer");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer error=\"insufficient_scope\", scope=\"orders:write\"");
    }

    @Test
    void placeWhenRequestHasNoActorAfterRequestsThatHadOneThen401() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(get("/place", "alice", "orders:write").statusCode()).isEqualTo(200);
        }

        assertThat(get("/place", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void requestScopedBeanWhenTwoRequestsByDifferentActorsThenEachSeesItsOwnCaller() throws Exception {
        assertThat(get("/whoami", "alice", "orders:read").body()).isEqualTo("alice");
        assertThat(get("/whoami", "bob", "orders:read").body()).isEqualTo("bob");
        assertThat(get("/whoami", "carol", "orders:read").body()).isEqualTo("carol");
    }

    private static HttpResponse<String> get(String path, String subject, String scopes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (subject != null) {
            request.header("X-Test-Subject", subject).header("X-Test-Scopes", scopes);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Weld servlet without a container-specific integration (no injection into servlet instances). */
    public static final class NoServletInjection implements Container {
        @Override
        public boolean touch(ResourceLoader loader, ContainerContext context) {
            return true;
        }

        @Override
        public void initialize(ContainerContext context) {
        }

        @Override
        public void destroy(ContainerContext context) {
        }
    }

    /** Test scaffolding: the request's actor from headers, as zt-filter would bind it from a verified token. */
    private static final class OrdersServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private final transient WeldContainer container;

        OrdersServlet(WeldContainer container) {
            this.container = container;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Supplier<String> call = switch (request.getPathInfo()) {
                case "/place" -> () -> container.select(OrderService.class).get().place("book");
                case "/whoami" -> () -> container.select(RequestCaller.class).get().subject();
                default -> () -> "?";
            };
            String subject = request.getHeader("X-Test-Subject");
            try {
                String body = subject == null ? call.get() : ActorContext.getAs(actor(subject, request), call);
                response.getWriter().write(body);
            } catch (NoActorException e) {
                response.setStatus(401);
            } catch (InsufficientScopeException e) {
                response.setStatus(403);
                response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                        + String.join(" ", e.requiredScopes()) + "\"");
            }
        }

        private static Actor actor(String subject, HttpServletRequest request) {
            return Actor.builder(subject, ActorKind.USER).tenant("acme")
                    .scopes(request.getHeader("X-Test-Scopes").split(" "))
                    .validFor(Clock.systemUTC(), Duration.ofMinutes(5)).build();
        }
    }
}
