package com.example.serverless.blog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.domain.Subscriber;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of the status index as DynamoDB returns them, good and malformed. */
class SubscriberItemsTest {

    private final Logger log = Logger.getLogger(SubscriberItems.class.getName());
    private final List<String> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                Object[] parameters = record.getParameters();
                warnings.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
    }

    @Test
    void aWellFormedItemIsASubscriber() {
        Map<String, AttributeValue> item = item("s-1", AttributeValue.fromS("ada@example.com"));
        item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("java"), AttributeValue.fromN("7"))));

        assertEquals(Optional.of(new Subscriber("s-1", "ada@example.com", SubscriberStatus.CONFIRMED, Set.of("java"))),
                SubscriberItems.subscriber(item));
        assertEquals(List.of(), warnings);
    }

    @Test
    void anItemWithoutEmailIsSkippedWithOneWarningNamingItsId() {
        assertEquals(Optional.empty(), SubscriberItems.subscriber(item("s-2", null)));

        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("subscriber=s-2"), warnings::toString);
    }

    @Test
    void anItemWithAMalformedOrMistypedEmailIsSkippedAndTheWarningNamesNoAddress() {
        assertEquals(Optional.empty(), SubscriberItems.subscriber(item("s-3", AttributeValue.fromS("ada@example..com"))));
        assertEquals(Optional.empty(), SubscriberItems.subscriber(item("s-4", AttributeValue.fromN("42"))));

        assertEquals(2, warnings.size(), warnings::toString);
        assertFalse(warnings.get(0).contains("ada@"), warnings::toString);
    }

    private static Map<String, AttributeValue> item(String subscriberId, AttributeValue email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscriberId", AttributeValue.fromS(subscriberId));
        item.put("status", AttributeValue.fromS("confirmed"));
        if (email != null) {
            item.put("email", email);
        }
        return item;
    }
}
