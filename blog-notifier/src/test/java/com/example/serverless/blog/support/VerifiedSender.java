package com.example.serverless.blog.support;

import com.example.serverless.blog.config.BlogConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SES sends only from verified identities: at test start-up the blog's sender is verified in the test application's
 * account, as an operator verifies it once on AWS. A test may withdraw it to see what an unverified sender does.
 */
@ApplicationScoped
public class VerifiedSender {

    private final SesV2Client ses;
    private final BlogConfig config;

    VerifiedSender(SesV2Client ses, BlogConfig config) {
        this.ses = ses;
        this.config = config;
    }

    void verify(@Observes StartupEvent started) {
        verify();
    }

    public void verify() {
        ses.createEmailIdentity(b -> b.emailIdentity(config.senderEmail()));
    }

    public void withdraw() {
        ses.deleteEmailIdentity(b -> b.emailIdentity(config.senderEmail()));
    }
}
