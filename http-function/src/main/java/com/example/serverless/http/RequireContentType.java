package com.example.serverless.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: JAX-RS matches a request without {@code Content-Type} to any
 * {@code @Consumes}, so without this check a POST with no Content-Type would be parsed and stored. A body is what the
 * Lambda HTTP adapter passes on with a length or as chunked; a POST without one (an action) needs no type.
 */
public class RequireContentType {

    @ServerRequestFilter
    public void requireContentType(ContainerRequestContext request) {
        if (request.getMediaType() == null && carriesBody(request)) {
            throw new NotSupportedException("A request body needs a Content-Type: application/json "
                    + "(application/merge-patch+json for PATCH)");
        }
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }
}
