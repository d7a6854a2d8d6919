package dev.zt.core.internal.keys;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One GET of a JWKS: status 200 only (redirects are not followed by the default client), a JSON
 * content type when one is declared, a body of at most {@code maxResponseBytes} of strict UTF-8, a
 * JWKS with at least one usable key. Anything else fails the returned future with a
 * {@link KeySetFetchException}; the whole fetch is bounded by the timeout.
 */
final class JwksFetcher {

    /** A successful fetch: the bound keys and how long they stay fresh. */
    record Fetched(TrustedKeySet keys, Duration freshFor) {
    }

    private final HttpJwksSettings settings;
    private final HttpRequest request;

    JwksFetcher(HttpJwksSettings settings) {
        this.settings = settings;
        this.request = HttpRequest.newBuilder(settings.uri())
                .timeout(settings.timeout())
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
    }

    CompletableFuture<Fetched> fetch() {
        try {
            return settings.httpClient().sendAsync(request, this::bodyHandler)
                    .thenApply(this::toKeySet)
                    .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new LimitedBodySubscriber(settings.maxResponseBytes(), declared);
    }

    private Fetched toKeySet(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new KeySetFetchException("HTTP status " + response.statusCode());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("application/json")
                .toLowerCase(Locale.ROOT);
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new KeySetFetchException("content type " + mediaType + " is not JSON");
        }
        TrustedKeySet keys;
        try {
            keys = JwkBinding.bind(utf8(response.body()));
        } catch (IllegalArgumentException e) {
            throw new KeySetFetchException(e.getMessage());
        }
        if (keys.isEmpty()) {
            KeyLog.ignored(settings.uri().toString(), keys.ignored());
            throw new KeySetFetchException("ZT-5011 the JWKS has no usable signing key");
        }
        return new Fetched(keys, CacheControl.freshFor(response.headers(), settings));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new KeySetFetchException("the body is not UTF-8");
        }
    }
}
