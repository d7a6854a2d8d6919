package dev.zt.filter;

import dev.zt.core.AccessDeniedException;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import dev.zt.core.RejectionReason;
import dev.zt.core.RequestCorrelation;
import dev.zt.core.TokenRejectedException;
import dev.zt.filter.internal.AuthenticatedRequest;
import dev.zt.filter.internal.BearerCredentials;
import dev.zt.filter.internal.CanonicalPath;
import dev.zt.filter.internal.PathRules;
import dev.zt.filter.internal.Correlations;
import dev.zt.filter.internal.RefusalAudit;
import dev.zt.filter.internal.ProblemResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every request proves who it is. Verifies the bearer token of each request (except paths that
 * are explicitly public), establishes the verified {@link Actor} in {@link ActorContext} for the
 * request (also across async dispatches), exposes it as {@code getUserPrincipal()}, and clears it
 * afterwards. Refusals follow RFC 6750 and carry an RFC 9457 problem body.
 *
 * <p>Registered automatically by {@link ZeroTrustInitializer} when the jar is in
 * {@code WEB-INF/lib}; can also be constructed with {@link ZeroTrustSettings} and registered in code.
 */
public final class ZeroTrustFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ZeroTrustFilter.class.getName());
    /** The request attribute holding the verified {@link Actor}. Server-side only: clients cannot set it. */
    public static final String ACTOR_ATTRIBUTE = Actor.class.getName();
    /** The verified credential, for the ASYNC dispatches of the same request; its toString() is redacted. */
    private static final String CREDENTIAL_ATTRIBUTE = ZeroTrustFilter.class.getName() + ".credential";
    private static final int MAX_CAUSE_DEPTH = 16;

    /** The id of a request refused for lack of credentials ({@link RejectionReason#MISSING}). */
    private static final String MISSING_CREDENTIALS = RejectionReason.MISSING.id();
    /** The id of a malformed or ambiguous credential transport (400 invalid_request). */
    private static final String INVALID_REQUEST = "ZT-6101";
    /** The id of a path scope gate the actor does not pass (403 insufficient_scope). */
    private static final String PATH_SCOPE = "ZT-3001";

    private final transient ZeroTrustSettings settings;
    private final transient RefusalAudit audit;

    public ZeroTrustFilter(ZeroTrustSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = new RefusalAudit(settings.auditTrail().orElse(null));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = CanonicalPath.of(request.getRequestURI(), request.getContextPath());
        boolean publicPath = settings.publicPaths().anyMatches(path);
        // An ASYNC dispatch continues a request already verified: its token is verified again (a cache
        // hit), so the whole policy (exp with the issuer's own clock skew, a key rotated out since)
        // decides as it did for the REQUEST dispatch.
        BearerCredentials credentials = request.getDispatcherType() == DispatcherType.ASYNC
                && request.getAttribute(CREDENTIAL_ATTRIBUTE) instanceof BearerCredentials.Token carried
                ? carried
                : BearerCredentials.from(request);
        Actor actor = null;
        if (credentials instanceof BearerCredentials.Malformed malformed) {
            LOG.log(Level.DEBUG, "ZT-6101 refused {0} {1}: {2}", request.getMethod(), path, malformed.why());
            audit.denied(request, path, INVALID_REQUEST, null);
            ProblemResponse.invalidRequest(response, settings.realm());
            return;
        }
        if (credentials instanceof BearerCredentials.Token token) {
            try {
                actor = settings.verifier().verify(token.value());
            } catch (TokenRejectedException e) {
                // An unreachable identity provider is the operator's problem: say so loudly. The
                // caller still gets the same 401 as for any other token failure.
                LOG.log(e.reason() == RejectionReason.KEYS_UNAVAILABLE ? Level.WARNING : Level.DEBUG,
                        "ZT-6102 refused {0} {1}: {2}", request.getMethod(), path, e.getMessage());
                audit.denied(request, path, e.reason().id(), null);
                ProblemResponse.invalidToken(response, settings.realm());
                return;
            }
        } else if (!publicPath) {
            audit.denied(request, path, MISSING_CREDENTIALS, null);
            ProblemResponse.missingCredentials(response, settings.realm());
            return;
        }
        if (actor == null) {
            // A public path without credentials: the application runs with no actor, and any guarded
            // operation it reaches is denied.
            try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(Correlations.of(request))) {
                runGuarded(request, response, chain);
            }
            return;
        }
        Set<String> missing = missingPathScopes(path, actor);
        if (!missing.isEmpty()) {
            audit.denied(request, path, PATH_SCOPE, actor);
            ProblemResponse.insufficientScope(response, settings.realm(), missing);
            return;
        }
        request.setAttribute(ACTOR_ATTRIBUTE, actor);
        request.setAttribute(CREDENTIAL_ATTRIBUTE, credentials);
        try (ActorContext.Binding ignored = ActorContext.bind(actor);
             RequestCorrelation.Binding correlated = RequestCorrelation.bind(Correlations.of(request))) {
            runGuarded(new AuthenticatedRequest(request, actor), response, chain);
        }
    }

    /**
     * The scopes the path rules require and the actor lacks. A path without a canonical form
     * (an encoded {@code /}, a bad escape, ...) cannot be shown to lie outside any rule, so every
     * rule applies to it: ambiguity never skips a scope gate.
     */
    private Set<String> missingPathScopes(String path, Actor actor) {
        List<Set<String>> rules = path == null
                ? settings.pathScopes().rules().stream().map(PathRules.Rule::value).toList()
                : settings.pathScopes().matching(path);
        Set<String> missing = new LinkedHashSet<>();
        for (Set<String> required : rules) {
            for (String scope : required) {
                if (!actor.hasScope(scope)) {
                    missing.add(scope);
                }
            }
        }
        return missing;
    }

    /** Runs the application, turning zt's own access decisions thrown inside it into RFC 6750 answers. */
    private void runGuarded(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable decision = accessDecision(e);
            if (decision == null || response.isCommitted()) {
                throw e;
            }
            if (decision instanceof InsufficientScopeException scope) {
                ProblemResponse.insufficientScope(response, settings.realm(), scope.requiredScopes());
            } else if (decision instanceof AccessDeniedException denied) {
                LOG.log(Level.DEBUG, "ZT-6103 denied {0} {1}: {2}", request.getMethod(),
                        CanonicalPath.of(request.getRequestURI(), request.getContextPath()), denied.reason().id());
                ProblemResponse.forbidden(response);
            } else {
                ProblemResponse.missingCredentials(response, settings.realm());
            }
        }
    }

    private static Throwable accessDecision(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof InsufficientScopeException || t instanceof AccessDeniedException || t instanceof NoActorException) {
                return t;
            }
        }
        return null;
    }
}
