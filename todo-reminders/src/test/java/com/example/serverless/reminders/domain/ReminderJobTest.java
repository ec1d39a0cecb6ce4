package com.example.serverless.reminders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.email.Deadline;
import com.example.serverless.email.DeliveryOutcomeUnknownException;
import com.example.serverless.email.MailThrottledException;
import com.example.serverless.email.RecipientRejectedException;
import com.example.serverless.email.SendingBlockedException;
import com.example.serverless.email.ThrottledSendRetry;
import com.example.serverless.reminders.support.FakeMailer;
import com.example.serverless.reminders.support.FakeUsers;
import com.example.serverless.reminders.support.InMemoryLedger;
import com.example.serverless.reminders.support.InMemoryTodos;
import com.example.serverless.reminders.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReminderJobTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T07:00:00Z"));
    private final InMemoryTodos todos = new InMemoryTodos();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final FakeUsers users = new FakeUsers();
    private final FakeMailer mailer = new FakeMailer();
    /** Backs off on the test's clock: a throttled send gives up when the invocation's time runs out. */
    private final ThrottledSendRetry retry = new ThrottledSendRetry(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), clock::advance, new Random(1));
    private final ReminderJob job = new ReminderJob(todos, ledger, users, mailer, new ReminderRenderer(), retry, clock,
            2, Duration.ofSeconds(10));

    private DueTodo todo(String id, String owner, LocalDate due) {
        DueTodo todo = new DueTodo(owner, id, due, Optional.of("Title " + id), false);
        todos.put(todo);
        return todo;
    }

    private RunResult run() {
        return job.run(TODAY, Deadline.after(Duration.ofMinutes(1), clock));
    }

    @Test
    void everyOpenTodoDueTodayOrTomorrowIsRemindedAndNothingElse() {
        users.add("ada", "ada@example.com");
        users.add("bob", "bob@example.com");
        todo("t1", "ada", TODAY);
        todo("t2", "bob", TOMORROW);
        todo("t3", "ada", TOMORROW.plusDays(1));
        todo("t4", "bob", TODAY.minusDays(1));

        RunResult result = run();

        assertEquals(2, result.sent());
        assertEquals(List.of("ada@example.com", "bob@example.com"), mailer.recipients());
        assertEquals("Due today: Title t1", mailer.sent().get(0).subject());
        assertEquals("Due tomorrow: Title t2", mailer.sent().get(1).subject());
        assertEquals(Optional.of("sent"), ledger.state(new ReminderKey("t2", TOMORROW)));
    }

    @Test
    void aSecondRunTheSameDaySendsNothingAndCountsTheTodosAsAlreadyReminded() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        todo("t2", "ada", TOMORROW);
        run();

        RunResult again = run();

        assertEquals(0, again.sent());
        assertEquals(2, again.skipped(SkipReason.ALREADY_REMINDED));
        assertEquals(2, mailer.sent().size());
    }

    @Test
    void aTodoRemindedTheDayBeforeIsNotRemindedAgainOnItsDueDate() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        job.run(TODAY.minusDays(1), Deadline.after(Duration.ofMinutes(1), clock));

        RunResult onTheDay = run();

        assertEquals(1, mailer.sent().size());
        assertEquals("Due tomorrow: Title t1", mailer.sent().get(0).subject());
        assertEquals(1, onTheDay.skipped(SkipReason.ALREADY_REMINDED));
    }

    @Test
    void aTodoWhoseDueDateMovesGetsANewReminderForTheNewDate() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        run();
        todos.put(new DueTodo("ada", "t1", TOMORROW, Optional.of("Title t1"), false));

        RunResult moved = run();

        assertEquals(1, moved.sent());
        assertEquals(List.of("Due today: Title t1", "Due tomorrow: Title t1"),
                mailer.sent().stream().map(e -> e.subject()).toList());
    }

    @Test
    void doneAndUntitledTodosAndUnreadableItemsAreSkippedAndCountedWithoutAClaim() {
        users.add("ada", "ada@example.com");
        todos.put(new DueTodo("ada", "done", TODAY, Optional.of("Finished"), true));
        todos.put(new DueTodo("ada", "untitled", TODAY, Optional.of("  "), false));
        todos.putUnreadable(TOMORROW);
        todo("t1", "ada", TOMORROW);

        RunResult result = run();

        assertEquals(1, result.sent());
        assertEquals(Map.of(SkipReason.DONE, 1, SkipReason.MISSING_TITLE, 1, SkipReason.UNREADABLE_ITEM, 1), result.skipped());
        assertTrue(ledger.state(new ReminderKey("done", TODAY)).isEmpty());
        assertTrue(ledger.state(new ReminderKey("untitled", TODAY)).isEmpty(), "a title added later still gets its reminder");
    }

    @Test
    void aVanishedUserAndAMalformedAddressAreSkippedForGoodAndDoNotHoldUpTheOthers() {
        users.add("ada", "ada@example.com");
        users.add("bad", "not an address");
        todo("t1", "gone", TODAY);
        todo("t2", "bad", TODAY);
        todo("t3", "ada", TODAY);

        RunResult result = run();

        assertEquals(List.of("ada@example.com"), mailer.recipients());
        assertEquals(Map.of(SkipReason.USER_NOT_FOUND, 1, SkipReason.MALFORMED_ADDRESS, 1), result.skipped());
        assertEquals(Optional.of("skipped:USER_NOT_FOUND"), ledger.state(new ReminderKey("t1", TODAY)));
        assertEquals(Optional.of("skipped:MALFORMED_ADDRESS"), ledger.state(new ReminderKey("t2", TODAY)));

        RunResult again = run();
        assertEquals(3, again.skipped(SkipReason.ALREADY_REMINDED), "looked up once, not every run");
        assertEquals(1, users.lookups("gone"));
    }

    @Test
    void eachUserIsLookedUpOncePerRunWhateverTheNumberOfTodos() {
        users.add("ada", "ada@example.com");
        for (int i = 0; i < 5; i++) {
            todo("t" + i, "ada", i % 2 == 0 ? TODAY : TOMORROW);
        }

        RunResult result = run();

        assertEquals(5, result.sent());
        assertEquals(1, users.lookups("ada"));
        assertEquals(3, todos.queries(), "pages of two: three todos today, two tomorrow");
    }

    @Test
    void aRecipientSesRefusesForGoodIsSkippedAndTheRunGoesOn() {
        users.add("ada", "ada@example.com");
        users.add("bob", "bob@example.com");
        mailer.failFor("ada@example.com", () -> new RecipientRejectedException("address rejected"));
        todo("t1", "ada", TODAY);
        todo("t2", "bob", TODAY);

        RunResult result = run();

        assertEquals(1, result.sent());
        assertEquals(1, result.skipped(SkipReason.RECIPIENT_REJECTED));
        assertEquals(Optional.of("skipped:RECIPIENT_REJECTED"), ledger.state(new ReminderKey("t1", TODAY)));
    }

    @Test
    void throttlingOrBlockedSendingReleasesTheClaimAndFailsTheRunAndTheNextRunSends() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        for (RuntimeException nothingSent : List.of(new MailThrottledException("slow down"),
                new SendingBlockedException("sender not verified"))) {
            mailer.failAll(() -> nothingSent);
            assertThrows(nothingSent.getClass(), this::run);
            assertTrue(ledger.state(new ReminderKey("t1", TODAY)).isEmpty(), "the claim is given back");
        }

        mailer.failAll(null);
        assertEquals(1, run().sent());
    }

    @Test
    void anUnknownOutcomeKeepsTheClaimSoTheReminderIsNeverSentTwice() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        mailer.failAll(() -> new DeliveryOutcomeUnknownException("timed out"));

        assertThrows(DeliveryOutcomeUnknownException.class, this::run);
        mailer.failAll(null);
        RunResult retry = run();

        assertEquals(Optional.of("claimed"), ledger.state(new ReminderKey("t1", TODAY)));
        assertEquals(0, retry.sent());
        assertEquals(1, retry.skipped(SkipReason.ALREADY_REMINDED));
    }

    @Test
    void anUnavailableDirectoryReleasesTheClaimAndFailsTheRun() {
        todo("t1", "ada", TODAY);
        users.unavailable(true);

        assertThrows(DirectoryUnavailableException.class, this::run);

        assertTrue(ledger.state(new ReminderKey("t1", TODAY)).isEmpty());
        users.unavailable(false);
        users.add("ada", "ada@example.com");
        assertEquals(1, run().sent());
    }

    @Test
    void withTooLittleTimeLeftNothingMoreIsClaimedAndTheRetryContinues() {
        users.add("ada", "ada@example.com");
        todo("t1", "ada", TODAY);
        todo("t2", "ada", TOMORROW);

        OutOfTimeException outOfTime = assertThrows(OutOfTimeException.class,
                () -> job.run(TODAY, Deadline.after(Duration.ofSeconds(5), clock)));

        assertEquals(0, outOfTime.partial().sent());
        assertTrue(ledger.state(new ReminderKey("t1", TODAY)).isEmpty());
        assertEquals(2, run().sent());
    }
}
