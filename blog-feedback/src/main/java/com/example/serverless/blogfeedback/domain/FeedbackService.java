package com.example.serverless.blogfeedback.domain;

import org.jboss.logging.Logger;

/**
 * Keeps the list clean, as SES and mailbox providers expect of a sender: a permanent bounce or a complaint stops all
 * mail to that subscriber; a transient bounce changes nothing (SES retried it already; the next post may arrive).
 * Marking is conditional and idempotent: SES and SNS deliver at least once.
 */
public class FeedbackService {

    private static final Logger LOG = Logger.getLogger(FeedbackService.class);

    private final SubscriberMarks marks;

    public FeedbackService(SubscriberMarks marks) {
        this.marks = marks;
    }

    /** The number of subscribers this feedback marked now. */
    public int apply(Feedback feedback) {
        int marked = 0;
        for (Feedback.Recipient recipient : feedback.recipients()) {
            boolean changed = switch (feedback.kind()) {
                case PERMANENT_BOUNCE -> marks.markBounced(recipient.subscriberId(), feedback.detail(), feedback.at());
                case COMPLAINT -> marks.markComplained(recipient.subscriberId(), feedback.at());
                case TRANSIENT_BOUNCE, OTHER -> false;
            };
            LOG.infof("feedback=%s subscriber=%s detail=%s marked=%s", feedback.kind(), recipient.subscriberId(),
                    feedback.detail(), changed);
            if (changed) {
                marked++;
            }
        }
        return marked;
    }
}
