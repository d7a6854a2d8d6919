package dev.zt.client.jaxrs;

import dev.zt.client.ServiceTokenException;
import dev.zt.client.TokenRequest;
import dev.zt.client.TokenSource;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JAX-RS client filter that sets the one {@code Authorization: Bearer <token>} header of each
 * outgoing request, with a token for a configured (audience, scopes): obtained with the client's
 * own credentials, or exchanged on behalf of the subject token the application supplies (e.g. the
 * bearer token of the request being served). Fails closed: without a token the request is not sent.
 *
 * <pre>{@code
 * client.register(ServiceTokenFilter.onBehalfOf(tokens,
 *         TokenRequest.of("inventory-service", "inventory:read"), currentRequest::bearerToken));
 * }</pre>
 *
 * Lives in its own package so that nothing loads JAX-RS types when JAX-RS is absent.
 */
public final class ServiceTokenFilter implements ClientRequestFilter {

    private final TokenSource tokens;
    private final TokenRequest request;
    private final Supplier<String> subjectToken;

    private ServiceTokenFilter(TokenSource tokens, TokenRequest request, Supplier<String> subjectToken) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.request = Objects.requireNonNull(request, "request");
        this.subjectToken = subjectToken;
    }

    /** Client credentials: every request carries a token of the service itself. */
    public static ServiceTokenFilter forService(TokenSource tokens, TokenRequest request) {
        if (request.isExchange()) {
            throw new IllegalArgumentException("ZT-7106 use onBehalfOf for a token exchange: the subject changes per call");
        }
        return new ServiceTokenFilter(tokens, request, null);
    }

    /**
     * Token exchange: each request carries a token obtained on behalf of {@code subjectToken.get()}
     * (the raw access token, without "Bearer "). A null or blank subject fails the request with
     * {@code ZT-7012}.
     */
    public static ServiceTokenFilter onBehalfOf(TokenSource tokens, TokenRequest request, Supplier<String> subjectToken) {
        if (request.isExchange()) {
            throw new IllegalArgumentException("ZT-7106 give the request without a subject token: the supplier provides it");
        }
        return new ServiceTokenFilter(tokens, request, Objects.requireNonNull(subjectToken, "subjectToken"));
    }

    @Override
    public void filter(ClientRequestContext context) {
        TokenRequest effective = request;
        if (subjectToken != null) {
            String subject = subjectToken.get();
            if (subject == null || subject.isBlank()) {
                throw new ServiceTokenException(ServiceTokenException.Reason.NO_SUBJECT_TOKEN,
                        "the subject token supplier gave none for audience " + request.audience());
            }
            effective = request.onBehalfOf(subject);
        }
        context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, tokens.token(effective).authorizationHeader());
    }

    @Override
    public String toString() {
        return "ServiceTokenFilter[" + request + (subjectToken == null ? "" : ", onBehalfOf=<supplied>") + "]";
    }
}
