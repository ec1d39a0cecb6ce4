package com.example.serverless.blog.support;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MailType;

/**
 * Puts the test application's SES account into the sandbox and out again. In the sandbox SES sends only to verified
 * recipients and answers any other with MessageRejected "Email address is not verified ...: the recipient", the
 * answer that must not bounce anyone. The local cloud takes the flag from PutAccountDetails; on AWS only AWS moves
 * an account out of the sandbox.
 */
@ApplicationScoped
public class SesSandbox {

    private final SesV2Client ses;

    SesSandbox(SesV2Client ses) {
        this.ses = ses;
    }

    public void enter() {
        productionAccess(false);
    }

    public void leave() {
        productionAccess(true);
    }

    private void productionAccess(boolean enabled) {
        ses.putAccountDetails(details -> details.mailType(MailType.TRANSACTIONAL)
                .websiteURL("https://blog.example.com").productionAccessEnabled(enabled));
    }
}
