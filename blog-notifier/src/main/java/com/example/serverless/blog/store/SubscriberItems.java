package com.example.serverless.blog.store;

import com.example.serverless.blog.domain.Subscriber;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one item of the subscribers table into a {@link Subscriber}. An item that makes none (no {@code email}, an
 * address that is not well-formed, an attribute of the wrong type) is bad data for someone to fix, not a reason to
 * stop mailing the rows after it: it is skipped with one WARN line that names its id, never its address.
 */
final class SubscriberItems {

    private static final Logger LOG = Logger.getLogger(SubscriberItems.class);

    private SubscriberItems() {
    }

    static Optional<Subscriber> subscriber(Map<String, AttributeValue> item) {
        String subscriberId = string(item, "subscriberId");
        try {
            return Optional.of(new Subscriber(subscriberId, string(item, "email"),
                    SubscriberStatus.fromWireName(string(item, "status")), tags(item)));
        } catch (IllegalArgumentException malformed) {
            LOG.warnf("subscriber=%s outcome=skipped-malformed reason=\"%s\"", subscriberId, malformed.getMessage());
            return Optional.empty();
        }
    }

    /** A string attribute, or null when it is missing or of another type. */
    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A string set or a list of strings; anything else is no preference, i.e. every post. */
    private static Set<String> tags(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get("tags");
        if (tags == null) {
            return Set.of();
        }
        if (tags.hasSs()) {
            return Set.copyOf(tags.ss());
        }
        if (tags.hasL()) {
            return tags.l().stream().map(AttributeValue::s).filter(Objects::nonNull).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
