package com.example.serverless.blogapi.domain;

import java.net.URI;

public interface ConfirmationMailer {

    /** The double opt-in email: one link that confirms the subscription. */
    void sendConfirmation(String to, URI confirmationLink);
}
