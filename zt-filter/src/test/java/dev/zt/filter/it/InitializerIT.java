package dev.zt.filter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.Audit;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.core.JsonLinesAuditSink;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import dev.zt.filter.ZeroTrustInitializer;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZeroTrustInitializer} deployed the way a container deploys it: registered as a
 * ServletContainerInitializer of a Jetty context, configured by context init-params. A complete
 * configuration protects every path; a missing or invalid one stops the context from starting with
 * a message that names the key.
 */
class InitializerIT {

    @TempDir
    static Path dir;
    private static Path jwksFile;

    @BeforeAll
    static void writeJwks() throws IOException {
        LogCapture.install();
        jwksFile = Files.writeString(dir.resolve("jwks.json"), TestKeys.jwks(), StandardCharsets.UTF_8);
        // system properties and ZT_* environment variables override init-params: none may be set here
        assertThat(System.getProperties().stringPropertyNames()).noneMatch(k -> k.startsWith("zt."));
        assertThat(System.getenv().keySet()).noneMatch(k -> k.startsWith("ZT_"));
    }

    private static ServletContextHandler context(Map<String, String> initParams) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        initParams.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new ZeroTrustInitializer());
        ZeroTrustServer.addApplication(context);
        return context;
    }

    private static Map<String, String> complete() {
        return new java.util.LinkedHashMap<>(Map.of(
                "zt.issuer", TestTokens.ISSUER,
                "zt.audience", TestTokens.AUDIENCE,
                "zt.jwks-file", jwksFile.toString(),
                "zt.public-paths", "/health, /public/*",
                "zt.path-scopes", "/admin/*=admin:write",
                "zt.realm", ZeroTrustServer.REALM));
    }

    @Test
    void initializerWhenConfiguredByInitParamsThenEveryPathProtected() throws Exception {
        try (ZeroTrustServer server = ZeroTrustServer.start(context(complete()), 16, false)) {
            Http http = new Http(server);

            Refusals.assertNoCredentials(http.get("/orders"));
            Refusals.assertInvalidToken(http.bearer("/orders", Tokens.flipSignatureByte(TestTokens.valid().sign())));
            Refusals.assertAccepted(http.bearer("/orders", TestTokens.valid().sign()), "alice");
            Refusals.assertAnonymous(http.get("/health"));
            Refusals.assertInsufficientScope(http.bearer("/admin/x", TestTokens.valid().sign()), "admin:write");
        }
    }

    @Test
    void initializerWhenAsyncDispatchThenActorCarried() throws Exception {
        try (ZeroTrustServer server = ZeroTrustServer.start(context(complete()), 16, false)) {
            Map<String, Object> seen = Refusals.assertAccepted(new Http(server).bearer("/async/x", TestTokens.valid().sign()), "alice");

            assertThat(seen).containsEntry("dispatcherType", "ASYNC");
        }
    }

    @Test
    void initializerWhenAudienceMissingThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.remove("zt.audience");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.audience"));
    }

    @Test
    void initializerWhenClockSkewInvalidThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.put("zt.clock-skew", "120s");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.clock-skew"));
    }

    @Test
    void initializerWhenClockSkewNotADurationThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.put("zt.clock-skew", "soon");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.clock-skew"));
    }

    @Test
    void initializerWhenEveryPathPublicThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.put("zt.public-paths", "/*");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.public-paths"));
    }

    @Test
    void initializerWhenNoKeysConfiguredThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.remove("zt.jwks-file");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.jwks-uri"));
    }

    @Test
    void servicesFileWhenReadThenNamesTheInitializer() throws IOException {
        List<String> declared = new ArrayList<>();
        for (URL url : Collections.list(ZeroTrustInitializer.class.getClassLoader()
                .getResources("META-INF/services/" + ServletContainerInitializer.class.getName()))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("dev.zt")) {
                    text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(declared::add);
                }
            }
        }

        assertThat(declared).containsExactly(ZeroTrustInitializer.class.getName());
        assertThat(ServiceLoader.load(ServletContainerInitializer.class).stream().map(ServiceLoader.Provider::type))
                .contains(ZeroTrustInitializer.class);
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        collect(thrown, all, 0);
        return all.toString();
    }

    private static void collect(Throwable t, StringBuilder all, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        all.append(t).append('\n');
        for (Throwable s : t.getSuppressed()) {
            collect(s, all, depth + 1);
        }
        collect(t.getCause(), all, depth + 1);
    }

    /** Records what a deeper layer (a CDI interceptor, a JPA listener) would record while the request runs. */
    private static final class RecordingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Audit.record(Audit.event(Layer.CDI, Outcome.GRANTED, "ZT-3000").action("Probe#call").build());
            response.getWriter().write("recorded");
        }
    }

    /** Every line the {@code zt.audit} logger writes while {@code body} runs, waiting for delivery. */
    private static List<String> auditLines(int expected, ThrowingRunnable body) throws Exception {
        Logger logger = Logger.getLogger(JsonLinesAuditSink.LOGGER_NAME);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { lines.add(record.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try {
            body.run();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return List.copyOf(lines);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void initializerWhenStartedThenAuditTrailInstalledAndUninstalledOnStop() throws Exception {
        assertThat(Audit.installed()).isEmpty();
        try (ZeroTrustServer server = ZeroTrustServer.start(context(complete()), 16, false)) {
            assertThat(Audit.installed()).isPresent();
        }
        assertThat(Audit.installed()).isEmpty();
    }

    @Test
    void initializerWhenRequestRefusedThenOneFilterEventOnTheZtAuditLoggerWithItsTraceId() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        List<String> lines = auditLines(1, () -> {
            try (ZeroTrustServer server = ZeroTrustServer.start(context(complete()), 16, false)) {
                new Http(server).get("/orders", "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
            }
        });
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"layer\":\"FILTER\"", "\"outcome\":\"DENIED\"", "\"reason\":\"ZT-2000\"",
                        "\"action\":\"GET /orders\"", "\"traceId\":\"" + trace + "\"", "\"remoteAddress\":\"127.0.0.1\""));
    }

    @Test
    void initializerWhenALayerRecordsDuringAnAcceptedRequestThenTheEventCarriesTheRequestCorrelation() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        ServletContextHandler context = context(complete());
        context.addServlet(new ServletHolder(new RecordingServlet()), "/record");
        List<String> lines = auditLines(1, () -> {
            try (ZeroTrustServer server = ZeroTrustServer.start(context, 16, false)) {
                Reply reply = new Http(server).get("/record", "Authorization", "Bearer " + TestTokens.valid().sign(),
                        "traceparent", "00-" + trace + "-b7ad6b7169203331-01");
                assertThat(reply.status()).isEqualTo(200);
            }
        });
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"layer\":\"CDI\"", "\"action\":\"Probe#call\"", "\"traceId\":\"" + trace + "\"",
                        "\"requestId\":", "\"remoteAddress\":\"127.0.0.1\""));
    }

    @Test
    void initializerWhenAuditQueueCapacityInvalidThenContextFailsNamingTheKey() {
        Map<String, String> params = complete();
        params.put("zt.audit.queue-capacity", "0");

        assertThatThrownBy(() -> ZeroTrustServer.start(context(params), 16, false))
                .satisfies(e -> assertThat(messages(e)).contains("zt.audit.queue-capacity"));
        assertThat(Audit.installed()).isEmpty();
    }

    @Test
    void initializerWhenAnotherTrailIsInstalledForTheSameClassesThenContextFailsNamingZt9003() {
        AuditTrail foreign = AuditTrail.builder().sink(e -> { }).build();
        try (Audit.Installation ignored = Audit.install(foreign)) {
            assertThatThrownBy(() -> ZeroTrustServer.start(context(complete()), 16, false))
                    .satisfies(e -> assertThat(messages(e)).contains("ZT-9003"));
            assertThat(Audit.installed()).containsSame(foreign);
        } finally {
            foreign.close();
        }
    }
}
