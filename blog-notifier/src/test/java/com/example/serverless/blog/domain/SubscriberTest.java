package com.example.serverless.blog.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.SubscriberStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriberTest {

    private final Set<String> javaPost = Set.of("java", "lambda");

    @Test
    void emptyPreferencesWantEveryPost() {
        assertTrue(new Subscriber("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of()).wants(javaPost));
        assertTrue(new Subscriber("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of())
                .wants(Set.of()));
    }

    @Test
    void tagPreferencesWantPostsSharingATag() {
        assertTrue(new Subscriber("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of("lambda", "go"))
                .wants(javaPost));
        assertFalse(new Subscriber("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of("go")).wants(javaPost));
    }

    @Test
    void onlyConfirmedSubscribersWantMail() {
        assertFalse(new Subscriber("s1", "a@example.com", SubscriberStatus.UNSUBSCRIBED, Set.of()).wants(javaPost));
        assertFalse(new Subscriber("s1", "a@example.com", SubscriberStatus.BOUNCED, Set.of()).wants(javaPost));
    }

    @Test
    void aSubscriberNeedsAWellFormedAddressAndTheRefusalNamesNoAddress() {
        assertThrows(IllegalArgumentException.class,
                () -> new Subscriber("s1", null, SubscriberStatus.CONFIRMED, Set.of()));
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> new Subscriber("s1", "ada@example..com", SubscriberStatus.CONFIRMED, Set.of()));
        assertFalse(malformed.getMessage().contains("ada@"), malformed.getMessage());
    }

    @Test
    void statusesRoundTripThroughTheirStoredNames() {
        for (SubscriberStatus status : SubscriberStatus.values()) {
            assertTrue(status == SubscriberStatus.fromWireName(status.wireName()));
        }
        assertThrows(IllegalArgumentException.class, () -> SubscriberStatus.fromWireName("CONFIRMED"));
    }
}
