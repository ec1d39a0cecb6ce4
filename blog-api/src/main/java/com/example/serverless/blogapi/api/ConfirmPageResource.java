package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.domain.SubscriptionService;
import com.example.serverless.email.Html;
import com.example.serverless.blogapi.html.Pages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The confirmation email's link, where no site page takes it: GET shows one button and changes nothing (mail scanners
 * follow links), the button's POST confirms. The site's own page posts JSON to {@code /subscriptions/confirmation}.
 */
@Path("/confirm")
public class ConfirmPageResource {

    private final SubscriptionService subscriptions;

    public ConfirmPageResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    public Response page(@QueryParam("token") String token) {
        subscriptions.checkConfirmationLink(token);
        return Pages.page("Confirm your subscription", """
                <p>Receive this blog's new posts at this address?</p>
                <form method="post" action="confirm">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">Confirm</button>
                </form>""".formatted(Html.escape(token)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String token) {
        subscriptions.confirm(token);
        return Pages.page("Subscribed", "<p>Thank you: new posts will reach you at this address.</p>");
    }
}
