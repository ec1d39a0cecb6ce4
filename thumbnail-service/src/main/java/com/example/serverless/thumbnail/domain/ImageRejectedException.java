package com.example.serverless.thumbnail.domain;

import java.util.Objects;

/** A permanent failure: this object will not make a thumbnail, so it is recorded and not retried. */
public final class ImageRejectedException extends Exception {

    private final RejectionReason reason;

    public ImageRejectedException(RejectionReason reason, String detail) {
        this(reason, detail, null);
    }

    public ImageRejectedException(RejectionReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}
