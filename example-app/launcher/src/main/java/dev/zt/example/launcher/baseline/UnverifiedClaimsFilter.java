package dev.zt.example.launcher.baseline;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditTrail;
import dev.zt.core.JsonLinesAuditSink;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * BENCHMARK ONLY: the "zt removed" stand-in of {@code example-app/load/run.sh}. What a service
 * without zt would do with the same bearer token: it does <strong>not</strong> verify signature,
 * issuer, audience or expiry; it base64url-decodes the payload, parses it with jose4j's
 * {@code JsonUtil} and binds an {@link Actor} with the token's subject, tenant and scopes, so that
 * the rest of the application (zt-cdi's interceptor, zt-jpa's tenant filter, the servlets) runs
 * exactly as with zt.
 *
 * <p>Never registered unless the launcher runs with {@code ZT_EXAMPLE_BASELINE=unverified} on a
 * loopback address (see {@code ZtExampleMain}). It is loaded by each web application's own class
 * loader (the launcher adds its class file to the application's extra class path), so that it binds
 * the application's own {@code ActorContext}, the one zt-cdi and zt-jpa read.
 *
 * <p>With the init-parameter {@code cache=true} ({@code ZT_EXAMPLE_BASELINE=unverified-cached}) the
 * actor read from a token string is kept in a map, so a repeated token costs one map lookup: the
 * floor of any per-request handling of a bearer token, for comparison with zt's verified-token cache.
 *
 * <p>Like zt's initializer, it installs an audit trail (the {@code zt.audit} JSON lines, on their own
 * thread) for the application, so the decisions zt-cdi and zt-jpa record cost the same in both
 * variants; without one each would be written synchronously on the request thread.
 */
public final class UnverifiedClaimsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";
    private static final int CACHE_LIMIT = 10_000;

    private transient Map<String, Actor> cache;
    private transient AuditTrail trail;
    private transient Audit.Installation installation;

    @Override
    public void init() {
        cache = "true".equals(getInitParameter("cache")) ? new ConcurrentHashMap<>() : null;
        trail = AuditTrail.builder().sink(new JsonLinesAuditSink()).build();
        installation = Audit.install(trail);
    }

    @Override
    public void destroy() {
        installation.close();
        trail.close();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        Actor actor;
        if (cache == null || authorization == null) {
            actor = actorOf(authorization);
        } else {
            actor = cache.get(authorization);
            if (actor == null) {
                actor = actorOf(authorization);
                if (actor != null) {
                    if (cache.size() >= CACHE_LIMIT) {
                        cache.clear();
                    }
                    cache.put(authorization, actor);
                }
            }
        }
        if (actor == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        try (ActorContext.Binding ignored = ActorContext.bind(actor)) {
            chain.doFilter(request, response);
        }
    }

    /** The token's claims as an actor, unverified; {@code null} when they cannot be read. */
    static Actor actorOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            Map<String, Object> claims = JsonUtil.parseJson(new String(payload, StandardCharsets.UTF_8));
            Actor.Builder actor = Actor.builder((String) claims.get("sub"), ActorKind.USER);
            if (claims.get("iss") instanceof String issuer) {
                actor.issuer(issuer);
            }
            if (claims.get("tenant") instanceof String tenant) {
                actor.tenant(tenant);
            }
            if (claims.get("scope") instanceof String scope && !scope.isBlank()) {
                actor.scopes(Arrays.asList(scope.strip().split(" +")));
            }
            if (claims.get("client_id") instanceof String clientId) {
                actor.clientId(clientId);
            }
            if (claims.get("jti") instanceof String jti) {
                actor.tokenId(jti);
            }
            return actor.validity(Instant.ofEpochSecond(((Number) claims.get("iat")).longValue()),
                    Instant.ofEpochSecond(((Number) claims.get("exp")).longValue())).build();
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }
}
