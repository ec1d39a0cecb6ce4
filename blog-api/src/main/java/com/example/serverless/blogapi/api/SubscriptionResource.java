package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.config.BlogApiConfig;
import com.example.serverless.blogapi.domain.SubscriptionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Double opt-in, no sign-in. A request is answered 202 with the same body whatever the address's state, so the form
 * tells nobody who subscribes; the confirmation email's link confirms.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    /** The answer to every valid request, and to a confirmation. */
    public record SubscriptionStatus(String status) {
    }

    private final SubscriptionService subscriptions;
    private final Optional<URI> linkBaseUrl;

    public SubscriptionResource(SubscriptionService subscriptions, BlogApiConfig config) {
        this.subscriptions = subscriptions;
        this.linkBaseUrl = config.linkBaseUrl();
    }

    @POST
    public RestResponse<SubscriptionStatus> subscribe(@Valid @NotNull SubscriptionRequest body, @Context UriInfo uri) {
        subscriptions.subscribe(body.email(), body.tags(), linkBaseUrl.orElseGet(uri::getBaseUri));
        return RestResponse.accepted(new SubscriptionStatus("check-your-inbox"));
    }

    @POST
    @Path("/confirmation")
    public SubscriptionStatus confirm(@Valid @NotNull ConfirmationRequest body) {
        subscriptions.confirm(body.token());
        return new SubscriptionStatus("confirmed");
    }
}
