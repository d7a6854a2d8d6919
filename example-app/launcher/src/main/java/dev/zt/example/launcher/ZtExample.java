package dev.zt.example.launcher;

import dev.zt.devissuer.DevClient;
import dev.zt.devissuer.DevIssuer;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ClassMatcher;

/**
 * The example system in one JVM: the orders and inventory WARs, unchanged, as two web applications
 * ({@code /orders}, {@code /inventory}) of an embedded Jetty 12 (ee10), each with its own class
 * loader holding its {@code WEB-INF/lib} plus one copy of the server libraries (Weld servlet,
 * Hibernate ORM), as a Jakarta EE server would give them. Both are configured through the zt keys
 * as system properties. Unless the environment names an issuer ({@code ZT_ISSUER} or
 * {@code ZT_JWKS_URI}), an in-process development issuer is started and the keys point at it, and a
 * second one plays a CI system ({@link #CI_ISSUER_NAME}): its GitHub Actions-style pipeline tokens
 * are trusted with the {@code ci-pipeline} profile, and only {@link #PIPELINE_RULES} grants them a scope.
 */
public final class ZtExample implements AutoCloseable {

    /** The client the orders service authenticates as at the token endpoint. */
    public static final String ORDERS_CLIENT = "orders-service";
    public static final String ORDERS_AUDIENCE = "orders-service";
    public static final String INVENTORY_AUDIENCE = "inventory-service";
    /** The name of the CI issuer in the zt keys: {@code zt.issuers=ci}, {@code zt.issuers.ci.*}. */
    public static final String CI_ISSUER_NAME = "ci";
    /**
     * The only grant a pipeline gets: repository {@code acme/app} on {@code refs/heads/main} in
     * environment {@code production} may deploy to production. Exact matches, no wildcards.
     */
    public static final String PIPELINE_RULES =
            "repository=acme/app;ref=refs/heads/main;environment=production -> deploy:production";

    /** zt-filter's initializer and filter, named, not linked: they live in each WAR's WEB-INF/lib. */
    static final String ZT_INITIALIZER = "dev.zt.filter.ZeroTrustInitializer";
    static final String ZT_FILTER = "dev.zt.filter.ZeroTrustFilter";
    static final String ZT_FILTER_NAME = "zt-zero-trust-filter";
    /** The benchmark-only stand-in (see {@link #unverifiedBaseline}). */
    static final String BASELINE_FILTER = "dev.zt.example.launcher.baseline.UnverifiedClaimsFilter";
    static final String BASELINE_FILTER_NAME = "BASELINE-no-token-verification-benchmark-only";
    static final String BASELINE_BANNER = "BASELINE: NO TOKEN VERIFICATION — benchmark only";

    private static final String[] PER_APPLICATION_APIS = {"-jakarta.enterprise.", "-jakarta.el.", "-jakarta.inject.",
        "-jakarta.interceptor.", "-jakarta.persistence.", "-jakarta.transaction.", "-jakarta.xml.bind.",
        "-jakarta.activation."};

    private final Server server;
    private final DevIssuer issuer;
    private final DevIssuer ciIssuer;
    private final URI base;
    private final Path scratch;
    private final Map<String, String> previousProperties;

    private ZtExample(Server server, DevIssuer issuer, DevIssuer ciIssuer, URI base, Path scratch,
            Map<String, String> previous) {
        this.server = server;
        this.issuer = issuer;
        this.ciIssuer = ciIssuer;
        this.base = base;
        this.scratch = scratch;
        this.previousProperties = previous;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>/orders/}. */
    public URI ordersUri() {
        return base.resolve("orders/");
    }

    /** {@code http://127.0.0.1:<port>/inventory/}. */
    public URI inventoryUri() {
        return base.resolve("inventory/");
    }

    /** The in-process development issuer, or empty when the environment names a real one. */
    public Optional<DevIssuer> devIssuer() {
        return Optional.ofNullable(issuer);
    }

    /**
     * The in-process development issuer playing a CI system (GitHub Actions-style pipeline tokens,
     * see {@link DevIssuer#mintPipelineToken}), or empty when the environment names a real issuer.
     */
    public Optional<DevIssuer> ciIssuer() {
        return Optional.ofNullable(ciIssuer);
    }

    /** Ready-to-paste lines for two tenants (empty without the development issuer). */
    public String curlExamples() {
        if (issuer == null) {
            return "";
        }
        URI orders = ordersUri().resolve("api/orders");
        return issuer.curlExamples(orders, ORDERS_AUDIENCE, List.of("orders:read", "orders:write", "orders:delete"),
                "acme", "globex")
                + "# acme places an order (the orders service checks stock at inventory on alice's behalf):\n"
                + "curl -sS -X POST -H \"Authorization: Bearer $TOKEN_ACME\" -H 'Content-Type: application/json'"
                + " -d '{\"item\":\"sku-1\",\"quantity\":2}' '" + orders + "'\n"
                + "# globex asks for acme's order 1: 404, exactly as for an order that does not exist:\n"
                + "curl -sS -i -H \"Authorization: Bearer $TOKEN_GLOBEX\" '" + orders + "/1'\n"
                + (ciIssuer == null ? "" : pipelineExample());
    }

    /** A pipeline token of the CI issuer for acme/app on main in production, and the deployment it may start. */
    private String pipelineExample() {
        return "# a CI pipeline (acme/app, refs/heads/main, environment production) deploys: 202; from any other"
                + " ref, repository or environment: 403\n"
                + "TOKEN_CI=$(curl -sS -H 'Accept: text/plain' --data-urlencode 'repository=acme/app'"
                + " --data-urlencode 'ref=refs/heads/main' --data-urlencode 'environment=production'"
                + " --data-urlencode 'audience=" + ORDERS_AUDIENCE + "' '" + ciIssuer.devPipelineTokensEndpoint() + "')\n"
                + "curl -sS -X POST -H \"Authorization: Bearer $TOKEN_CI\" -H 'Content-Type: application/json'"
                + " -d '{\"version\":\"1.2.3\"}' '" + ordersUri().resolve("api/deployments") + "'\n";
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            if (issuer != null) {
                issuer.close();
            }
            if (ciIssuer != null) {
                ciIssuer.close();
            }
            previousProperties.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
            deleteQuietly(scratch);
        }
    }

    /** Settings of one run; everything else comes from the zt keys (system properties, environment). */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Clock issuerClock = Clock.systemUTC();
        private Consumer<String> onTokenIssued = token -> { };
        private Function<String, String> environment = System::getenv;
        private boolean unverifiedBaseline;
        private boolean baselineCache;

        private Builder() {
        }

        /**
         * BENCHMARK ONLY, package-private on purpose (reached only through {@code ZtExampleMain} with
         * {@code ZT_EXAMPLE_BASELINE=unverified}): "zt removed" for {@code example-app/load/run.sh}.
         * zt-filter's {@code ZeroTrustInitializer} is excluded from both applications (Jetty's
         * initializer exclusion pattern), so no zt filter is registered, and
         * {@code UnverifiedClaimsFilter} takes its place: it reads the bearer token's claims without
         * verifying anything and binds the actor. Refused unless the host is a loopback address;
         * {@link #start()} checks after start that the zt filter is absent from both applications.
         * With {@code cacheClaims} the stand-in keeps the actor read from each token string (a map
         * lookup per repeated token).
         */
        Builder unverifiedBaseline(boolean cacheClaims) {
            this.unverifiedBaseline = true;
            this.baselineCache = cacheClaims;
            return this;
        }

        /** Loopback by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** {@code 0} for an ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("PORT must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The development issuer's clock (tests move it to mint expired tokens). */
        public Builder issuerClock(Clock clock) {
            this.issuerClock = clock;
            return this;
        }

        /**
         * Every token the development issuers sign, including those the services obtain for
         * themselves (tests register them, to prove none reaches a log).
         */
        public Builder onTokenIssued(Consumer<String> listener) {
            this.onTokenIssued = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where {@code ZT_ISSUER}, {@code ZT_JWKS_URI} are looked up (the process environment by default). */
        public Builder environment(Function<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public ZtExample start() throws Exception {
            Path scratch = Files.createTempDirectory("zt-example-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Map<String, String> previous = new LinkedHashMap<>();
            DevIssuer issuer = null;
            DevIssuer ciIssuer = null;
            Server server = new Server();
            try {
                if (unverifiedBaseline && !InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalStateException("ZT-EX-9010 " + BASELINE_BANNER + ": refused on " + host
                            + ", it binds to a loopback address only");
                }
                ServerConnector connector = new ServerConnector(server);
                connector.setHost(host);
                connector.setPort(port);
                server.addConnector(connector);
                connector.open(); // bind first: the inventory URL needs the port
                URI base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                        + connector.getLocalPort() + "/");

                boolean external = set(environment.apply("ZT_ISSUER")) || set(environment.apply("ZT_JWKS_URI"));
                if (!external) {
                    issuer = DevIssuer.builder().clock(issuerClock).onIssued(onTokenIssued)
                            .client(DevClient.withId(ORDERS_CLIENT).audiences(INVENTORY_AUDIENCE)
                                    .scopes("inventory:read").build())
                            .build().start();
                    Path secret = issuer.writeClientSecret(ORDERS_CLIENT, scratch.resolve(ORDERS_CLIENT + ".secret"));
                    setProperty(previous, "zt.issuer", issuer.issuerUri().toString());
                    setProperty(previous, "zt.jwks-uri", issuer.jwksUri().toString());
                    setProperty(previous, "zt.token-endpoint", issuer.tokenEndpoint().toString());
                    setProperty(previous, "zt.client-id", ORDERS_CLIENT);
                    setProperty(previous, "zt.client-secret-file", secret.toString());
                    // A second development issuer plays the CI system. Its audience per service
                    // (zt.issuers.ci.audience) ships in each WAR's web.xml, as zt.audience does.
                    ciIssuer = DevIssuer.builder().clock(issuerClock).onIssued(onTokenIssued).build().start();
                    String ci = "zt.issuers." + CI_ISSUER_NAME + ".";
                    setProperty(previous, "zt.issuers", CI_ISSUER_NAME);
                    setProperty(previous, ci + "issuer", ciIssuer.issuerUri().toString());
                    setProperty(previous, ci + "jwks-uri", ciIssuer.jwksUri().toString());
                    setProperty(previous, ci + "profile", "ci-pipeline");
                    setProperty(previous, ci + "pipeline-rules", PIPELINE_RULES);
                }
                if (!set(environment.apply("INVENTORY_URL")) && System.getProperty("inventory.url") == null) {
                    setProperty(previous, "inventory.url", base.resolve("inventory/").toString());
                }

                Bundle bundle = Bundle.locate(scratch);
                String libraries = bundle.serverLibraries().stream().map(Path::toString)
                        .collect(Collectors.joining(","));
                if (unverifiedBaseline) {
                    libraries = libraries + "," + baselineJar(scratch);
                }
                ContextHandlerCollection contexts = new ContextHandlerCollection();
                contexts.addHandler(webApplication("/orders", bundle.war("example-orders"), libraries, scratch,
                        unverifiedBaseline, baselineCache));
                contexts.addHandler(webApplication("/inventory", bundle.war("example-inventory"), libraries, scratch,
                        unverifiedBaseline, baselineCache));
                server.setHandler(contexts);
                server.setStopAtShutdown(false);
                server.start();
                for (Handler h : contexts.getHandlers()) {
                    WebAppContext app = (WebAppContext) h;
                    if (!app.isAvailable() || app.getUnavailableException() != null) {
                        throw new IllegalStateException("ZT-EX-9003 " + app.getContextPath() + " did not start",
                                app.getUnavailableException());
                    }
                    checkFilters(app, unverifiedBaseline);
                }
                return new ZtExample(server, issuer, ciIssuer, base, scratch, previous);
            } catch (Exception | Error e) {
                try {
                    server.stop();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (issuer != null) {
                    issuer.close();
                }
                if (ciIssuer != null) {
                    ciIssuer.close();
                }
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
                deleteQuietly(scratch);
                throw e;
            }
        }

        /**
         * Normal mode: zt's filter is registered and the stand-in is not. Baseline: the reverse, and
         * the stand-in was loaded by the application's own class loader (so it binds the
         * application's {@code ActorContext}). Anything else stops the start.
         */
        private static void checkFilters(WebAppContext app, boolean baseline) {
            boolean zt = false;
            FilterHolder standIn = null;
            for (FilterHolder holder : app.getServletHandler().getFilters()) {
                String className = holder.getFilter() != null ? holder.getFilter().getClass().getName()
                        : holder.getClassName();
                if (ZT_FILTER_NAME.equals(holder.getName()) || ZT_FILTER.equals(className)) {
                    zt = true;
                }
                if (BASELINE_FILTER_NAME.equals(holder.getName()) || BASELINE_FILTER.equals(className)) {
                    standIn = holder;
                }
            }
            if (baseline ? zt || standIn == null
                    || standIn.getFilter().getClass().getClassLoader() != app.getClassLoader()
                    : !zt || standIn != null) {
                throw new IllegalStateException("ZT-EX-9011 " + app.getContextPath() + ": "
                        + (baseline ? "the benchmark baseline must run without zt's filter and with its stand-in"
                                : "zt's filter is not active, or the benchmark stand-in is") + "; refusing to start");
            }
        }

        /** The stand-in's class file, in a jar of its own for the applications' extra class path. */
        private static Path baselineJar(Path scratch) throws IOException {
            String resource = BASELINE_FILTER.replace('.', '/') + ".class";
            Path jar = Files.createDirectories(scratch.resolve("baseline")).resolve("zt-example-baseline.jar");
            try (InputStream in = ZtExample.class.getClassLoader().getResourceAsStream(resource);
                    JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                if (in == null) {
                    throw new IllegalStateException("ZT-EX-9012 " + resource + " is missing from the launcher");
                }
                out.putNextEntry(new JarEntry(resource));
                in.transferTo(out);
                out.closeEntry();
            }
            return jar;
        }

        private static WebAppContext webApplication(String path, Path war, String libraries, Path scratch,
                boolean baseline, boolean baselineCache) throws IOException {
            WebAppContext app = new WebAppContext();
            app.setContextPath(path);
            app.setWar(war.toString());
            app.setExtraClasspath(libraries);
            app.setTempDirectory(Files.createDirectories(scratch.resolve("work" + path.replace('/', '-'))).toFile());
            // @WebServlet and the ServletContainerInitializers in WEB-INF/lib (zt-filter, Weld)
            app.addConfiguration(new EnvConfiguration(), new PlusConfiguration(), new AnnotationConfiguration());
            app.setThrowUnavailableOnStartupException(true);
            // scan only zt's jars for annotations and fragments: start-up time (the others hold none we use)
            app.setAttribute("org.eclipse.jetty.server.webapp.WebInfIncludeJarPattern", ".*/zt-[^/]*\\.jar$");
            // one SLF4J for the server and the applications (jose4j in WEB-INF/lib logs through it)
            app.addProtectedClassMatcher(new ClassMatcher("org.slf4j."));
            // the Jakarta APIs that come with the server libraries load from the application's own
            // loader, whatever the launcher's class path holds (Jetty protects all of jakarta.*)
            app.addProtectedClassMatcher(new ClassMatcher(PER_APPLICATION_APIS));
            if (baseline) {
                // zt-filter's jar stays in WEB-INF/lib unchanged; only its initializer is not run,
                // so its filter is never registered. The stand-in is loaded by the application's
                // own class loader (from the extra class path) when the context starts.
                app.setAttribute(AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN,
                        "^" + ZT_INITIALIZER.replace(".", "\\.") + "$");
                FilterHolder standIn = new FilterHolder();
                standIn.setName(BASELINE_FILTER_NAME);
                standIn.setClassName(BASELINE_FILTER);
                standIn.setAsyncSupported(true);
                standIn.setInitParameter("cache", Boolean.toString(baselineCache));
                app.getServletHandler().addFilterWithMapping(standIn, "/*",
                        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }
            return app;
        }

        private static void setProperty(Map<String, String> previous, String key, String value) {
            previous.putIfAbsent(key, System.getProperty(key));
            System.setProperty(key, value);
        }

        private static boolean set(String value) {
            return value != null && !value.isBlank();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp directory
        }
    }
}
