package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.config.BlogApiConfig;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A body larger than the configured limit is refused (413) before anything reads it. */
public class RequestSizeLimit {

    private final int maxBytes;

    public RequestSizeLimit(BlogApiConfig config) {
        this.maxBytes = config.maxRequestBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBytes) {
            throw new WebApplicationException("The request body is larger than " + maxBytes + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
    }
}
