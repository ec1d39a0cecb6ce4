package com.example.serverless.reminders.domain;

/** Why a todo due soon got no reminder in this run; the EMF dimension {@code Reason} of {@code RemindersSkipped}. */
public enum SkipReason {
    /** Claimed before: reminded already (the day before, or by an earlier run today). */
    ALREADY_REMINDED,
    DONE,
    MISSING_TITLE,
    /** An index item without the attributes that make it a todo. */
    UNREADABLE_ITEM,
    USER_NOT_FOUND,
    MALFORMED_ADDRESS,
    /** SES refused the recipient's address for good. */
    RECIPIENT_REJECTED
}
