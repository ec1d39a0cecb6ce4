package com.example.serverless.signing;

/** A token this service did not issue, or issued for another purpose, or under a key it no longer accepts. */
public final class InvalidTokenException extends RuntimeException {

    public enum Reason {
        /** Not of the token's shape. */
        MALFORMED,
        /** Signed with a key that is not (or no longer) accepted. */
        UNKNOWN_KEY,
        /** Altered, or issued for another context (purpose, caller, query). */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
