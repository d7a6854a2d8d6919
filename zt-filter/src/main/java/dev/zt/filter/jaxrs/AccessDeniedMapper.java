package dev.zt.filter.jaxrs;

import dev.zt.core.AccessDeniedException;
import dev.zt.filter.internal.ProblemResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link AccessDeniedException} (a tenant, kind or delegation guard said no) thrown
 * inside a JAX-RS resource with the same generic 403 the filter gives: no {@code insufficient_scope},
 * since no scope would help, and no detail that tells the caller which guard refused.
 */
@Provider
public final class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {

    @Override
    public Response toResponse(AccessDeniedException exception) {
        return Response.status(AccessDeniedException.HTTP_STATUS)
                .header("Cache-Control", "no-store")
                .type("application/problem+json")
                .entity(ProblemResponse.body("access_denied", "Forbidden", AccessDeniedException.HTTP_STATUS, "Access denied.", null))
                .build();
    }
}
