package dev.zt.filter.jaxrs;

import dev.zt.core.BearerErrorCode;
import dev.zt.core.InsufficientScopeException;
import dev.zt.filter.internal.ProblemResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link InsufficientScopeException} thrown inside a JAX-RS resource (which JAX-RS would
 * otherwise turn into a 500) with the same 403 {@code insufficient_scope} the filter gives.
 * Discovered by JAX-RS as a {@link Provider}; never loaded where JAX-RS is absent.
 */
@Provider
public final class InsufficientScopeMapper implements ExceptionMapper<InsufficientScopeException> {

    @Override
    public Response toResponse(InsufficientScopeException exception) {
        String scope = ProblemResponse.scopeList(exception.requiredScopes());
        BearerErrorCode code = BearerErrorCode.INSUFFICIENT_SCOPE;
        return Response.status(code.httpStatus())
                .header("WWW-Authenticate", ProblemResponse.challenge(null, code, ProblemResponse.INSUFFICIENT_SCOPE_DETAIL, scope))
                .header("Cache-Control", "no-store")
                .type("application/problem+json")
                .entity(ProblemResponse.body(code.code(), "Insufficient scope", code.httpStatus(),
                        ProblemResponse.INSUFFICIENT_SCOPE_DETAIL, scope))
                .build();
    }
}
