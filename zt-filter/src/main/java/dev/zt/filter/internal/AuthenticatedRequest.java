package dev.zt.filter.internal;

import dev.zt.core.Actor;
import dev.zt.filter.ActorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** The request as the application sees it once zt has verified the caller. */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** Servlet's own constants stop at DIGEST/FORM/CLIENT_CERT/BASIC. */
    public static final String AUTH_TYPE = "BEARER";

    private final ActorPrincipal principal;

    public AuthenticatedRequest(HttpServletRequest request, Actor actor) {
        super(request);
        this.principal = new ActorPrincipal(actor);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
