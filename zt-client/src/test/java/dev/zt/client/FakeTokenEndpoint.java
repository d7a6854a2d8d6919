package dev.zt.client;

import dev.zt.core.testing.MutableClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;

/**
 * A real token endpoint on 127.0.0.1 (JDK HttpServer): checks the HTTP Basic client credentials,
 * parses the form, counts requests, and by default mints an RS256 JWT (TestTokens) for the
 * requested audience and scope, valid {@link #expiresIn} seconds by the shared test clock.
 */
final class FakeTokenEndpoint implements AutoCloseable {

    static final String CLIENT_ID = "orders service";
    /** Never a real secret; chosen to need form encoding (space, ':', '%', '+', non-ASCII). */
    static final String SECRET = "s3cr3t:Ünïcode%2B+ &=value";

    /** A client of this endpoint's client id and secret whose token URL is a loopback port nothing listens on. */
    static TokenClient unreachableClient(Clock clock) throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        return TokenClient.builder(URI.create("http://127.0.0.1:" + port + "/token"))
                .clientId(CLIENT_ID).clientSecret(Secret.of(SECRET.toCharArray())).clock(clock).build();
    }

    /** One request as the endpoint saw it. */
    record Received(List<String> parameterNames, Map<String, String> form, List<String> authorization,
            String contentType) {
    }

    /** What the endpoint answers. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, Map<String, ?> json) {
            return new Answer(status, "application/json;charset=UTF-8",
                    JsonUtil.toJson(json).getBytes(StandardCharsets.UTF_8));
        }

        static Answer text(int status, String contentType, String body) {
            return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** This JSON answer with member {@code name} set to {@code value}, or removed when {@code value} is null. */
        Answer withMember(String name, Object value) {
            try {
                Map<String, Object> json = new LinkedHashMap<>(JsonUtil.parseJson(new String(body, StandardCharsets.UTF_8)));
                if (value == null) {
                    json.remove(name);
                } else {
                    json.put(name, value);
                }
                return json(status, json);
            } catch (org.jose4j.lang.JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    interface Responder {
        Answer respond(Received request);
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final MutableClock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> issued = new CopyOnWriteArraySet<>();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile CountDownLatch hold;
    private volatile Responder responder = this::mint;
    volatile long expiresIn = 300;
    /** The JWT's own lifetime; null: the same as {@link #expiresIn}. */
    volatile Duration jwtLifetime;

    FakeTokenEndpoint(MutableClock clock) throws IOException {
        this.clock = clock;
        TestKeys.RS256.kid(); // generate the test keys now, not inside the first (timed) request
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/token", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    int requests() {
        return requests.get();
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    /** Every access token this endpoint has issued. */
    Set<String> issued() {
        return issued;
    }

    void respondWith(Responder responder) {
        this.responder = responder;
    }

    /** Holds every request until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    boolean awaitFirstRequest() throws InterruptedException {
        return firstRequest.await(5, TimeUnit.SECONDS);
    }

    /** The default answer: a signed JWT for the requested audience and scope. */
    Answer mint(Received request) {
        Instant now = clock.instant();
        Duration jwt = jwtLifetime != null ? jwtLifetime : Duration.ofSeconds(expiresIn);
        TestTokens token = TestTokens.valid(clock)
                .claim("aud", request.form().get("audience"))
                .claim("client_id", CLIENT_ID)
                .expiresAt(now.plus(jwt));
        if (request.form().containsKey("scope")) {
            token.scope(request.form().get("scope"));
        }
        if (request.form().containsKey("subject_token")) {
            token.claim("act", Map.of("sub", CLIENT_ID));
        }
        String accessToken = token.sign();
        issued.add(accessToken);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", accessToken);
        json.put("token_type", "Bearer");
        json.put("expires_in", expiresIn);
        if (request.form().containsKey("subject_token")) {
            json.put("issued_token_type", TokenResponses.ACCESS_TOKEN_TYPE);
        }
        return Answer.json(200, json);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = read(exchange);
            received.add(request);
            requests.incrementAndGet();
            firstRequest.countDown();
            CountDownLatch latch = hold;
            if (latch != null) {
                latch.await(10, TimeUnit.SECONDS);
            }
            Answer answer = authenticated(request) ? responder.respond(request)
                    : Answer.json(401, Map.of("error", "invalid_client"));
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout, oversized body): nothing to answer
        }
    }

    private static boolean authenticated(Received request) {
        if (request.authorization().size() != 1 || !request.authorization().get(0).startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(request.authorization().get(0).substring(6)),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0
                && URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8).equals(CLIENT_ID)
                && URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8).equals(SECRET);
    }

    private static Received read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>();
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
            names.add(name);
            form.put(name, nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        List<String> authorization = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
        return new Received(List.copyOf(names), form, List.copyOf(authorization),
                exchange.getRequestHeaders().getFirst("Content-Type"));
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
