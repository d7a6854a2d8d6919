package dev.zt.client.jaxrs;

import dev.zt.client.ServiceTokenException;
import dev.zt.client.TokenClient;
import dev.zt.client.TokenRequest;
import dev.zt.client.TokenSource;
import dev.zt.core.ActorContext;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
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
     * {@code ZT-7012} (and records it as a DENIED audit event).
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
                ServiceTokenException none = new ServiceTokenException(ServiceTokenException.Reason.NO_SUBJECT_TOKEN,
                        "the subject token supplier gave none for audience " + request.audience());
                audit(none);
                throw none;
            }
            effective = request.onBehalfOf(subject);
        }
        context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, tokens.token(effective).authorizationHeader());
    }

    /**
     * The DENIED event of a failure before any token was asked for (the client never saw the call):
     * the actor on whose behalf it was to be made, our client id when the source is a TokenClient.
     */
    private void audit(ServiceTokenException failure) {
        AuditEvent.Builder event = Audit.event(Layer.CLIENT, Outcome.DENIED, failure.id());
        ActorContext.current().ifPresent(actor -> event.actor(actor).tokenId(null));
        String scopes = request.scopes().isEmpty() ? "(none)" : String.join(" ", request.scopes());
        String why = failure.getMessage().substring(failure.id().length() + 1);
        Audit.record(event.clientId(tokens instanceof TokenClient client ? client.clientId() : null)
                .target(request.audience())
                .detail("scope " + scopes + "; grant token-exchange; " + why)
                .build());
    }

    @Override
    public String toString() {
        return "ServiceTokenFilter[" + request + (subjectToken == null ? "" : ", onBehalfOf=<supplied>") + "]";
    }
}
