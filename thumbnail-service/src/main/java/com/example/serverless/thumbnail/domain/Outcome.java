package com.example.serverless.thumbnail.domain;

import java.util.Objects;

/** What became of one source object. */
public record Outcome(Kind kind, int thumbnails, RejectionReason reason, String detail) {

    public enum Kind {
        /** Thumbnails written. */
        THUMBNAILED,
        /** Permanently unusable; a failure record was written. */
        REJECTED,
        /** Deleted before we got to it: nothing to do. */
        SOURCE_MISSING,
        /** The upload is gone: what was made of it was removed too. */
        REMOVED
    }

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with a rejection, and only with one");
        }
    }

    static Outcome thumbnailed(int count) {
        return new Outcome(Kind.THUMBNAILED, count, null, null);
    }

    static Outcome rejected(ImageRejectedException rejection) {
        return new Outcome(Kind.REJECTED, 0, rejection.reason(), rejection.getMessage());
    }

    static Outcome removed(int count) {
        return new Outcome(Kind.REMOVED, count, null, null);
    }

    static Outcome sourceMissing() {
        return new Outcome(Kind.SOURCE_MISSING, 0, null, null);
    }
}
