package com.example.serverless.blog.subscriptions;

/** A link token (unsubscribe, confirmation) that this blog did not issue, was altered, or has expired. */
public class InvalidLinkException extends RuntimeException {

    private final boolean expired;

    public InvalidLinkException(String message, boolean expired) {
        super(message);
        this.expired = expired;
    }

    /** Genuine but too old (or signed with a key retired since): the reader may ask for a new link. */
    public boolean expired() {
        return expired;
    }
}
