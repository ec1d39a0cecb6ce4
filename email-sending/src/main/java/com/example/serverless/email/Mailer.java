package com.example.serverless.email;

/** Sends one email; the SES implementation maps SES's answers onto the exceptions below. */
public interface Mailer {

    /**
     * @return the provider's message id
     * @throws MailThrottledException SES refused the call for now (rate); nothing was sent
     * @throws RecipientRejectedException SES refused this recipient's address for good
     * @throws SendingBlockedException SES sent nothing, for a reason all emails share (message, sender, account)
     * @throws DeliveryOutcomeUnknownException the call failed in a way that does not say whether SES took it
     */
    String send(Email email);
}
