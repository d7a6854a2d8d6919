package dev.zt.core.internal.keys;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real JWKS endpoint on 127.0.0.1 (ephemeral port) whose answer the test changes at will, and
 * which counts the requests it receives.
 */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body = "{\"keys\":[]}";
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String cacheControl;
    private volatile boolean chunked;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch firstRequestHeld = new CountDownLatch(1);

    JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/jwks", exchange -> {
            requests.incrementAndGet();
            try {
                if (gate.getCount() > 0) {
                    firstRequestHeld.countDown();
                    gate.await(10, TimeUnit.SECONDS);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                if (cacheControl != null) {
                    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
                }
                exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    JwksServer serve(String jwksJson) {
        this.body = jwksJson;
        this.status = 200;
        return this;
    }

    JwksServer status(int status) {
        this.status = status;
        return this;
    }

    JwksServer contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    JwksServer cacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
        return this;
    }

    JwksServer chunked(boolean chunked) {
        this.chunked = chunked;
        return this;
    }

    /** Holds every request until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    boolean awaitHeldRequest() throws InterruptedException {
        return firstRequestHeld.await(10, TimeUnit.SECONDS);
    }

    int requests() {
        return requests.get();
    }

    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
