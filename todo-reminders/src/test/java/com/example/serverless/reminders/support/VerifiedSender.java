package com.example.serverless.reminders.support;

import com.example.serverless.reminders.config.RemindersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SES sends only from verified identities: at test start-up the sender is verified in the test application's account,
 * as an operator verifies it once on AWS. A test may withdraw it to see what an unverified sender does.
 */
@ApplicationScoped
public class VerifiedSender {

    private final SesV2Client ses;
    private final RemindersConfig config;

    VerifiedSender(SesV2Client ses, RemindersConfig config) {
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
