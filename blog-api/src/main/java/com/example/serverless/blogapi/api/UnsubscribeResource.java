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
 * The unsubscribe link of every announcement. GET shows a page with one button (a GET changes nothing: mail scanners
 * follow links); POST unsubscribes, from that button or as RFC 8058's one-click POST a mailbox provider sends with the
 * body {@code List-Unsubscribe=One-Click}. Following a link again is harmless.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    private static final String ONE_CLICK = "One-Click";

    private final SubscriptionService subscriptions;

    public UnsubscribeResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    public Response page(@QueryParam("token") String token) {
        subscriptions.checkUnsubscribeLink(token);
        return Pages.page("Unsubscribe", """
                <p>Stop receiving this blog's new posts at this address?</p>
                <form method="post" action="unsubscribe?token=%s">
                  <input type="hidden" name="List-Unsubscribe" value="One-Click">
                  <button type="submit">Unsubscribe</button>
                </form>""".formatted(Html.escape(token)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@QueryParam("token") String token, @FormParam("List-Unsubscribe") String oneClick) {
        if (!ONE_CLICK.equals(oneClick)) {
            throw new InvalidParameterException("List-Unsubscribe", "must be One-Click (RFC 8058)");
        }
        subscriptions.unsubscribe(token);
        return Pages.page("Unsubscribed", "<p>You will get no more emails from this blog at this address.</p>");
    }

}
