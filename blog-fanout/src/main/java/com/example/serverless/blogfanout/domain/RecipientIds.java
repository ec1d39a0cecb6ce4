package com.example.serverless.blogfanout.domain;

import java.util.List;
import java.util.Optional;

/** Who is subscribed right now, as ids only: the sender reads each subscriber again before it mails. */
public interface RecipientIds {

    /** Up to {@code limit} confirmed subscriber ids in id order, starting after {@code afterSubscriberId}. */
    IdPage confirmed(Optional<String> afterSubscriberId, int limit);

    /** One page of ids, and where the next starts if there is one. */
    record IdPage(List<String> subscriberIds, Optional<String> nextAfter) {

        public IdPage {
            subscriberIds = List.copyOf(subscriberIds);
        }
    }
}
