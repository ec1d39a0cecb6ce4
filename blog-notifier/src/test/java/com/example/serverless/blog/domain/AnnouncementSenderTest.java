package com.example.serverless.blog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blog.subscriptions.UnsubscribeTokens;
import com.example.serverless.signing.KeyRing;
import com.example.serverless.signing.SigningKey;
import com.example.serverless.email.Deadline;
import com.example.serverless.email.DeliveryOutcomeUnknownException;
import com.example.serverless.email.Email;
import com.example.serverless.email.MailThrottledException;
import com.example.serverless.email.Mailer;
import com.example.serverless.email.RecipientRejectedException;
import com.example.serverless.email.SendingBlockedException;
import com.example.serverless.email.ThrottledSendRetry;
import com.example.serverless.signing.TokenSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sending rules over in-memory stores; the AWS implementations are covered by the ITs. */
class AnnouncementSenderTest {

    private static final KeyRing KEYS = KeyRing.of(
            new SigningKey("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)), List.of());
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Subscribers subscribers = new Subscribers();
    private final Ledger ledger = new Ledger();
    private final ScriptedMailer mailer = new ScriptedMailer();
    private final List<Duration> sleeps = new ArrayList<>();

    /** The post, announced to every subscriber added so far (a message of the fan-out names them all). */
    private Announcement post() {
        return new Announcement("p1", "Title", "", Set.of("java"), List.copyOf(subscribers.ids));
    }

    private AnnouncementSender sender() {
        return new AnnouncementSender(subscribers, ledger, mailer,
                new EmailRenderer(URI.create("https://blog.example.com"), URI.create("https://blog.example.com/u")),
                new UnsubscribeTokens(new TokenSigner(() -> KEYS), Duration.ofDays(30)),
                new ThrottledSendRetry(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10),
                        sleeps::add, new SplittableRandom(1)),
                clock, Duration.ofSeconds(10));
    }

    private static Deadline secondsLeft(long seconds) {
        return Deadline.after(Duration.ofSeconds(seconds), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyConfirmedInterestedSubscriberOfThePageGetsOneEmail() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s2", "b@example.com", SubscriberStatus.CONFIRMED, Set.of("java"));
        subscribers.add("s3", "c@example.com", SubscriberStatus.CONFIRMED, Set.of("go"));
        subscribers.add("s4", "d@example.com", SubscriberStatus.UNSUBSCRIBED, Set.of());
        subscribers.add("s5", "e@example.com", SubscriberStatus.CONFIRMED, Set.of("java", "go"));

        NotificationResult result = sender().send(post(), secondsLeft(60));

        assertEquals(List.of("a@example.com", "b@example.com", "e@example.com"), mailer.accepted());
        assertEquals(new NotificationResult(3, 0, 0, 2, 0), result, "s3 wants go only, s4 has unsubscribed");
        assertEquals(1, subscribers.reads, "the page is read once, in one batch");
        assertEquals("sent", ledger.state("p1", "s1"));
    }

    @Test
    void aSubscriberWhoUnsubscribedOrWasDeletedSinceTheFanOutGetsNothing() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s2", "b@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s3", "c@example.com", SubscriberStatus.CONFIRMED, Set.of());
        Announcement enqueued = post();
        subscribers.add("s2", "b@example.com", SubscriberStatus.UNSUBSCRIBED, Set.of());
        subscribers.byId.remove("s3");

        NotificationResult result = sender().send(enqueued, secondsLeft(60));

        assertEquals(List.of("a@example.com"), mailer.accepted());
        assertEquals(new NotificationResult(1, 0, 0, 2, 0), result);
        assertEquals(null, ledger.state("p1", "s2"));
    }

    @Test
    void aMalformedRowIsSkippedAndCountedAndTheOthersOfTheMessageGetTheirEmail() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.addMalformed("s2");
        subscribers.add("s3", "c@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s4", "d@example.com", SubscriberStatus.CONFIRMED, Set.of());

        NotificationResult result = sender().send(post(), secondsLeft(60));

        assertEquals(new NotificationResult(3, 0, 0, 0, 1), result);
        assertEquals(List.of("a@example.com", "c@example.com", "d@example.com"), mailer.accepted());
        assertEquals(null, ledger.state("p1", "s2"), "nothing is claimed for a row that is no subscriber");
    }

    @Test
    void aRepeatedAnnouncementSendsNothingNew() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        sender().send(post(), secondsLeft(60));

        NotificationResult again = sender().send(post(), secondsLeft(60));

        assertEquals(1, mailer.accepted().size());
        assertEquals(new NotificationResult(0, 1, 0, 0, 0), again);
    }

    @Test
    void throttlingIsRetriedWithGrowingJitteredWaits() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        mailer.script(e -> { throw new MailThrottledException("429"); }, e -> { throw new MailThrottledException("429"); });

        sender().send(post(), secondsLeft(60));

        assertEquals(List.of("a@example.com"), mailer.accepted());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() <= 100 && sleeps.get(1).toMillis() <= 200, sleeps::toString);
    }

    @Test
    void throttlingBeyondTheTimeBudgetFailsAndGivesTheClaimBack() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());

        // 10.05 s left, 10 s safety margin: no time for any wait
        Deadline tight = new Deadline(NOW.plusMillis(10_050), clock);
        mailer.failing = new MailThrottledException("429");
        assertThrows(MailThrottledException.class, () -> sender().send(post(), tight));

        assertEquals(null, ledger.state("p1", "s1"), "released, so the retry sends it");
        mailer.failing = null;
        sender().send(post(), secondsLeft(60));
        assertEquals(List.of("a@example.com"), mailer.accepted());
    }

    @Test
    void aRejectedAddressBouncesOnlyThatSubscriberAndTheOthersStillGetTheirEmail() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s2", "bad@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s3", "c@example.com", SubscriberStatus.CONFIRMED, Set.of());
        mailer.rejecting.add("bad@example.com");

        NotificationResult result = sender().send(post(), secondsLeft(60));

        assertEquals(new NotificationResult(2, 0, 1, 0, 0), result);
        assertEquals(List.of("s2"), subscribers.bounced);
        assertEquals("rejected", ledger.state("p1", "s2"));
        assertEquals(List.of("a@example.com", "c@example.com"), mailer.accepted());
    }

    @Test
    void aRefusalOfTheEmailBouncesNobodyAndFailsTheMessageWithItsClaimGivenBack() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s2", "b@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s3", "c@example.com", SubscriberStatus.CONFIRMED, Set.of());
        // What SES answers every email of a post while the account is in the sandbox (SesV2MailerTest).
        mailer.failing = new SendingBlockedException("SES rejected the message; nothing was sent: MessageRejected: "
                + "Email address is not verified. The following identities failed the check in region EU-WEST-1: <address>");

        assertThrows(SendingBlockedException.class, () -> sender().send(post(), secondsLeft(60)));

        assertEquals(List.of(), subscribers.bounced, "nobody is bounced");
        assertEquals(Map.of(), ledger.states, "the one claim made is given back");
        assertEquals(1, mailer.attempts, "the message fails at the first refusal: every other email would fail alike");

        mailer.failing = null;
        NotificationResult retry = sender().send(post(), secondsLeft(60));
        assertEquals(new NotificationResult(3, 0, 0, 0, 0), retry);
        assertEquals(List.of("a@example.com", "b@example.com", "c@example.com"), mailer.accepted());
    }

    @Test
    void anAmbiguousFailureKeepsTheClaimSoTheRetryDoesNotSendTwice() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());
        subscribers.add("s2", "b@example.com", SubscriberStatus.CONFIRMED, Set.of());
        mailer.script(e -> { throw new DeliveryOutcomeUnknownException("read timed out"); });

        assertThrows(DeliveryOutcomeUnknownException.class, () -> sender().send(post(), secondsLeft(60)));
        NotificationResult retry = sender().send(post(), secondsLeft(60));

        assertEquals("claimed", ledger.state("p1", "s1"));
        assertEquals(new NotificationResult(1, 1, 0, 0, 0), retry);
        assertEquals(List.of("b@example.com"), mailer.accepted());
    }

    @Test
    void noEmailIsClaimedWithoutTimeToSendIt() {
        subscribers.add("s1", "a@example.com", SubscriberStatus.CONFIRMED, Set.of());

        assertThrows(OutOfTimeException.class, () -> sender().send(post(), secondsLeft(9)));

        assertEquals(null, ledger.state("p1", "s1"));
        assertTrue(mailer.accepted().isEmpty());
    }

    /** Subscribers by id, read in one batch like BatchGetItem; a malformed row is counted, as the store does. */
    private static final class Subscribers implements SubscriberStore {
        final Map<String, Subscriber> byId = new HashMap<>();
        final Set<String> ids = new LinkedHashSet<>();
        final Set<String> malformed = new HashSet<>();
        final List<String> bounced = new ArrayList<>();
        int reads;

        void add(String id, String email, SubscriberStatus status, Set<String> tags) {
            byId.put(id, new Subscriber(id, email, status, tags));
            ids.add(id);
        }

        void addMalformed(String id) {
            malformed.add(id);
            ids.add(id);
        }

        @Override
        public SubscriberBatch find(List<String> subscriberIds) {
            reads++;
            List<Subscriber> found = subscriberIds.stream().filter(byId::containsKey).map(byId::get).toList();
            int skipped = (int) subscriberIds.stream().filter(malformed::contains).count();
            return new SubscriberBatch(found, skipped);
        }

        @Override
        public void recordRejection(String id, String reason, Instant at) {
            Subscriber s = byId.get(id);
            byId.put(id, new Subscriber(id, s.email(), SubscriberStatus.BOUNCED, s.tags()));
            bounced.add(id);
        }
    }

    private static final class Ledger implements DeliveryLedger {
        final Map<String, String> states = new HashMap<>();

        String state(String post, String subscriber) {
            return states.get(post + "/" + subscriber);
        }

        @Override
        public boolean claimOnce(String post, String subscriber, Instant at) {
            return states.putIfAbsent(post + "/" + subscriber, "claimed") == null;
        }

        @Override
        public void markSent(String post, String subscriber, String messageId, Instant at) {
            states.put(post + "/" + subscriber, "sent");
        }

        @Override
        public void markRejected(String post, String subscriber, String reason, Instant at) {
            states.put(post + "/" + subscriber, "rejected");
        }

        @Override
        public void release(String post, String subscriber) {
            states.remove(post + "/" + subscriber, "claimed");
        }
    }

    /** Answers from a script of outcomes, then accepts; or fails every call; or rejects some addresses. */
    private static final class ScriptedMailer implements Mailer {
        final Deque<Function<Email, String>> script = new ArrayDeque<>();
        final List<String> accepted = new ArrayList<>();
        final Set<String> rejecting = new HashSet<>();
        RuntimeException failing;
        int attempts;

        @SafeVarargs
        final void script(Function<Email, String>... outcomes) {
            script.addAll(List.of(outcomes));
        }

        List<String> accepted() {
            return List.copyOf(accepted);
        }

        @Override
        public String send(Email email) {
            attempts++;
            if (failing != null) {
                throw failing;
            }
            if (rejecting.contains(email.to())) {
                throw new RecipientRejectedException("BadRequestException: Illegal address");
            }
            Function<Email, String> next = script.poll();
            if (next != null) {
                return next.apply(email);
            }
            accepted.add(email.to());
            return "m-" + accepted.size();
        }
    }
}
