package dev.zt.client;

import java.net.http.HttpRequest;

/**
 * Where service tokens come from: {@link TokenClient} in production, a lambda in a test. Returns a
 * token whose remaining lifetime exceeds the refresh margin, or throws; never a stale token.
 */
@FunctionalInterface
public interface TokenSource {

    /** @throws ServiceTokenException when no fresh token can be obtained */
    ServiceToken token(TokenRequest request);

    /**
     * Sets the one {@code Authorization: Bearer <token>} header of {@code builder} (replacing any
     * earlier one) with a token for {@code request}.
     *
     * @throws ServiceTokenException when no fresh token can be obtained; the builder is then unchanged
     */
    default HttpRequest.Builder authorize(HttpRequest.Builder builder, TokenRequest request) {
        String authorization = token(request).authorizationHeader();
        return builder.setHeader("Authorization", authorization);
    }
}
