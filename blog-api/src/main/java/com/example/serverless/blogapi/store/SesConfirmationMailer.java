package com.example.serverless.blogapi.store;

import com.example.serverless.blogapi.domain.ConfirmationMailer;
import com.example.serverless.email.Html;
import java.net.URI;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The double opt-in email through SES v2, from the blog's sender and configuration set. */
public final class SesConfirmationMailer implements ConfirmationMailer {

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;

    public SesConfirmationMailer(SesV2Client ses, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    @Override
    public void sendConfirmation(String to, URI confirmationLink) {
        String link = confirmationLink.toString();
        ses.sendEmail(email -> email
                .fromEmailAddress(fromAddress)
                .destination(destination -> destination.toAddresses(to))
                .configurationSetName(configurationSet)
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data("Confirm your subscription").charset("UTF-8"))
                        .body(body -> body
                                .text(text -> text.charset("UTF-8").data("""
                                        Someone, hopefully you, asked to receive this blog's new posts at this address.
                                        To confirm, open this link within a day:
                                        %s

                                        If it was not you, ignore this email: nothing will be sent.
                                        """.formatted(link)))
                                .html(html -> html.charset("UTF-8").data("""
                                        <p>Someone, hopefully you, asked to receive this blog's new posts at this address.</p>
                                        <p><a href="%s">Confirm the subscription</a> (the link works for a day).</p>
                                        <p>If it was not you, ignore this email: nothing will be sent.</p>
                                        """.formatted(Html.escape(link))))))));
    }
}
