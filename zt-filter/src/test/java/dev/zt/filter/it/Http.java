package dev.zt.filter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client of every IT: {@link HttpClient} for well-formed requests, a raw socket for bytes
 * HttpClient refuses to send. Every reply is checked on the spot: never a 5xx, and never the token
 * (nor its signature segment) anywhere in status, headers or body. Every token sent is remembered
 * for the log audit.
 */
final class Http {

    /** Every credential any test sent, for {@link LogCapture}'s audit. */
    static final Set<String> SENT_TOKENS = ConcurrentHashMap.newKeySet();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final ZeroTrustServer server;

    Http(ZeroTrustServer server) {
        this.server = server;
    }

    Reply get(String pathAndQuery, String... headerNamesAndValues) {
        return send(HttpRequest.newBuilder(server.uri(pathAndQuery)).GET(), headerNamesAndValues);
    }

    Reply bearer(String pathAndQuery, String token) {
        return get(pathAndQuery, "Authorization", "Bearer " + token);
    }

    Reply postForm(String pathAndQuery, String form, String... headerNamesAndValues) {
        String[] all = new String[headerNamesAndValues.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headerNamesAndValues, 0, all, 2, headerNamesAndValues.length);
        remember(form);
        return send(HttpRequest.newBuilder(server.uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(form)), all);
    }

    private Reply send(HttpRequest.Builder request, String... headerNamesAndValues) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            secrets.add(headerNamesAndValues[i + 1]);
        }
        secrets.add(request.build().uri().getRawQuery());
        request.timeout(TIMEOUT);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
            return checked(reply, secrets);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends {@code requestLineAndHeaders} (e.g. {@code "GET /x HTTP/1.1\r\nAuthorization: Bearer a\r\n"})
     * verbatim in {@code charset}, adding {@code Host}, {@code Connection: close} and the final empty line.
     */
    Reply raw(String requestLineAndHeaders, Charset charset) {
        String request = requestLineAndHeaders + "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(charset));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return checked(parse(bytes.toString(StandardCharsets.ISO_8859_1)), List.of(requestLineAndHeaders));
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e, e);
        }
    }

    Reply raw(String requestLineAndHeaders) {
        return raw(requestLineAndHeaders, StandardCharsets.ISO_8859_1);
    }

    private static Reply parse(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        assertThat(headEnd).as("a complete HTTP response head in: %s", response).isPositive();
        String[] lines = response.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String body = response.substring(headEnd + 4);
        boolean chunked = headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                && e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("chunked")));
        if (chunked) {
            body = dechunk(body);
        }
        byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
        return new Reply(status, headers, new String(raw, StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int guard = 0; guard < 10_000 && at < body.length(); guard++) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static Reply checked(Reply reply, List<String> sent) {
        assertThat(reply.status()).as("no input may produce a 5xx: %s", reply.everything()).isLessThan(500);
        String everything = reply.everything();
        for (String value : sent) {
            for (String secret : secretsIn(value)) {
                remember(secret);
                assertThat(everything).as("the response must never contain the credential").doesNotContain(secret);
            }
        }
        return reply;
    }

    private static void remember(String value) {
        for (String secret : secretsIn(value)) {
            SENT_TOKENS.add(secret);
        }
    }

    /** The parts of a sent value that would betray the token: long dot-separated pieces (signature segment). */
    static List<String> secretsIn(String value) {
        List<String> secrets = new ArrayList<>();
        if (value == null) {
            return secrets;
        }
        for (String word : value.split("[\\s&=;:,\"]+")) {
            if (word.length() >= 24 && word.contains(".")) {
                secrets.add(word);
                String[] segments = word.split("\\.");
                String last = segments[segments.length - 1];
                if (last.length() >= 24) {
                    secrets.add(last);
                }
            }
        }
        return secrets;
    }
}
