package com.example.serverless.blogfanout.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of a post item: its type and the status before and after (absent when there is no old image, on
 * INSERT, or no new image, on REMOVE).
 */
public record PostChange(ChangeType type, String postId, Optional<String> oldStatus, Optional<String> newStatus) {

    public static final String PUBLISHED = "PUBLISHED";

    public PostChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(oldStatus, "oldStatus");
        Objects.requireNonNull(newStatus, "newStatus");
        if (postId == null || postId.isBlank()) {
            throw new InvalidPostException("The changed item has no postId");
        }
    }

    /**
     * True only for the transition into PUBLISHED: a post inserted as published, or modified from any other
     * status (or none) to published. Edits of a published post, deletes and other changes publish nothing. The
     * stream filter in the template applies the same rule; this is the second line, for records that reach the
     * function anyway (filters edited, redrives, tests).
     */
    public boolean publishes() {
        boolean publishedNow = newStatus.filter(PUBLISHED::equals).isPresent();
        boolean publishedBefore = oldStatus.filter(PUBLISHED::equals).isPresent();
        return switch (type) {
            case INSERT -> publishedNow;
            case MODIFY -> publishedNow && !publishedBefore;
            case REMOVE -> false;
        };
    }
}
