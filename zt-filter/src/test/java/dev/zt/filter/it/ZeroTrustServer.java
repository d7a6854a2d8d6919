package dev.zt.filter.it;

import dev.zt.core.ActingParty;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.KeySource;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenVerifier;
import dev.zt.core.testing.TestTokens;
import dev.zt.filter.ActorPrincipal;
import dev.zt.filter.ZeroTrustFilter;
import dev.zt.filter.ZeroTrustSettings;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jose4j.json.JsonUtil;

/**
 * An embedded Jetty 12 (ee10) on 127.0.0.1 and an ephemeral port, with the {@link ZeroTrustFilter}
 * registered in code for REQUEST and ASYNC dispatches in front of:
 * <ul>
 *   <li>{@code /} (every unmapped path): echoes the actor as JSON (principal, auth type, ActorContext);</li>
 *   <li>{@code /scope-needed}: throws {@link InsufficientScopeException} for {@code orders:delete};</li>
 *   <li>{@code /async/*}: {@code startAsync()}, then {@code dispatch()} from another thread, then echoes.</li>
 * </ul>
 * Default settings: public {@code /health} and {@code /public/*}, {@code /admin/*} needs {@code admin:write}.
 */
final class ZeroTrustServer implements AutoCloseable {

    static final String REALM = "zt-test";
    static final String APP_REQUIRED_SCOPE = "orders:delete";

    private final Server server;
    private final int port;

    private ZeroTrustServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The policy every test token of {@link TestTokens#valid()} satisfies. */
    static TokenPolicy.Builder policy() {
        return TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE);
    }

    static ZeroTrustSettings.Builder settings(TokenPolicy policy, KeySource keys, Clock clock) {
        TokenVerifier verifier = TokenVerifier.builder(policy, keys).clock(clock).build();
        return ZeroTrustSettings.builder(verifier)
                .publicPath("/health")
                .publicPath("/public/*")
                .pathScope("/admin/*", "admin:write")
                .realm(REALM);
    }

    static ZeroTrustServer start(ZeroTrustSettings settings) {
        return start(settings, 32, false);
    }

    /**
     * @param maxThreads  the Jetty pool bound
     * @param lenientUris true to let ambiguous URIs ({@code %2e%2e}, {@code %2F}, {@code //}) through Jetty to
     *                    the filter (UriCompliance.UNSAFE), so the filter's own canonicalisation is what decides
     */
    static ZeroTrustServer start(ZeroTrustSettings settings, int maxThreads, boolean lenientUris) {
        return start(settings, maxThreads, lenientUris, request -> { });
    }

    /** @param beforeAsyncDispatch runs on the AsyncContext.start thread just before {@code dispatch()} */
    static ZeroTrustServer start(ZeroTrustSettings settings, int maxThreads, boolean lenientUris,
            java.util.function.Consumer<HttpServletRequest> beforeAsyncDispatch) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        FilterHolder filter = new FilterHolder(new ZeroTrustFilter(settings));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        addApplication(context, beforeAsyncDispatch);
        if (lenientUris) {
            context.getServletHandler().setDecodeAmbiguousURIs(true);
        }
        return start(context, maxThreads, lenientUris);
    }

    static void addApplication(ServletContextHandler context) {
        addApplication(context, request -> { });
    }

    static void addApplication(ServletContextHandler context, java.util.function.Consumer<HttpServletRequest> beforeAsyncDispatch) {
        context.addServlet(new ServletHolder(new EchoServlet()), "/");
        context.addServlet(new ServletHolder(new ScopeServlet()), "/scope-needed");
        ServletHolder async = new ServletHolder(new AsyncServlet(beforeAsyncDispatch));
        async.setAsyncSupported(true);
        context.addServlet(async, "/async/*");
    }

    /** Starts {@code context} (which may fail: the exception is the caller's). */
    static ZeroTrustServer start(ServletContextHandler context, int maxThreads, boolean lenientUris) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads));
        threads.setName("zt-it");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(256 * 1024);
        http.setSendServerVersion(false);
        if (lenientUris) {
            http.setUriCompliance(UriCompliance.UNSAFE);
        }
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!context.isAvailable() || !context.isStarted()) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("the context did not start");
        }
        return new ZeroTrustServer(server, connector.getLocalPort());
    }

    int port() {
        return port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    static void writeJson(HttpServletResponse response, Map<String, Object> values) throws IOException {
        byte[] bytes = JsonUtil.toJson(values).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** What the application sees: never the token itself. */
    static Map<String, Object> describe(HttpServletRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        Principal principal = request.getUserPrincipal();
        values.put("dispatcherType", request.getDispatcherType().name());
        values.put("principal", principal == null ? null : principal.getName());
        values.put("principalIsActor", principal instanceof ActorPrincipal);
        values.put("principalTenant", principal instanceof ActorPrincipal ap ? ap.actor().tenant().orElse(null) : null);
        values.put("authType", request.getAuthType());
        values.put("remoteUser", request.getRemoteUser());
        Optional<Actor> actor = ActorContext.current();
        values.put("context", actor.map(Actor::subject).orElse(null));
        actor.ifPresent(a -> {
            values.put("tenant", a.tenant().orElse(null));
            values.put("scopes", a.scopes().stream().sorted().toList());
            values.put("actedBy", a.actingParties().stream().map(ActingParty::subject).toList());
            values.put("kind", a.kind().name());
        });
        values.put("thread", Thread.currentThread().getName());
        return values;
    }

    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            writeJson(response, describe(request));
        }
    }

    static final class ScopeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            throw new InsufficientScopeException(Set.of(APP_REQUIRED_SCOPE), "deleting orders needs " + APP_REQUIRED_SCOPE);
        }
    }

    static final class AsyncServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Consumer<HttpServletRequest> beforeDispatch;

        AsyncServlet(java.util.function.Consumer<HttpServletRequest> beforeDispatch) {
            this.beforeDispatch = beforeDispatch;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                request.setAttribute("zt.it.requestThread", Thread.currentThread().getName());
                AsyncContext async = request.startAsync();
                async.setTimeout(10_000);
                async.start(() -> {
                    request.setAttribute("zt.it.startThreadContext",
                            ActorContext.current().map(Actor::subject).orElse("none"));
                    beforeDispatch.accept(request);
                    async.dispatch();
                });
                return;
            }
            Map<String, Object> values = describe(request);
            values.put("requestThread", request.getAttribute("zt.it.requestThread"));
            values.put("startThreadContext", request.getAttribute("zt.it.startThreadContext"));
            writeJson(response, values);
        }
    }
}
