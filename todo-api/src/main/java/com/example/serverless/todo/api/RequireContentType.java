package com.example.serverless.todo.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: JAX-RS matches a request without {@code Content-Type} to any
 * {@code @Consumes}, so without this check a POST with no Content-Type would be parsed and stored.
 */
public class RequireContentType {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public void requireContentType(ContainerRequestContext request) {
        if (METHODS_WITH_BODY.contains(request.getMethod()) && request.getMediaType() == null) {
            throw new NotSupportedException("A request body needs a Content-Type: application/json "
                    + "(application/merge-patch+json for PATCH)");
        }
    }
}
