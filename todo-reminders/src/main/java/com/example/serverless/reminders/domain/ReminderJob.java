package com.example.serverless.reminders.domain;

import com.example.serverless.email.Deadline;
import com.example.serverless.email.DeliveryOutcomeUnknownException;
import com.example.serverless.email.EmailAddress;
import com.example.serverless.email.MailThrottledException;
import com.example.serverless.email.Mailer;
import com.example.serverless.email.RecipientRejectedException;
import com.example.serverless.email.SendingBlockedException;
import com.example.serverless.email.ThrottledSendRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One scheduled run: every open todo due today or tomorrow gets one reminder to its owner, once per todo and due date.
 *
 * <p>Today is included so that a todo created (or moved) after yesterday's run, or missed by a failed run, is still
 * reminded; the ledger makes the second sighting of tomorrow's todos a no-op. For each todo the data is checked first
 * (done, no title: skipped, nothing claimed), then the ledger entry (todo, due date) is claimed with a conditional write
 * BEFORE the owner is looked up and SES is called. Once claimed, a todo has one outcome: sent, skipped for good (user
 * gone, address malformed or refused), or released when nothing was sent for a reason that may pass (SES throttled
 * or blocked, the directory unavailable), and the run fails so that a retry or the next run sends it. An outcome SES
 * may have taken ({@link DeliveryOutcomeUnknownException}) keeps the claim: at most once, rather than twice.
 */
public final class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final DueTodos todos;
    private final ReminderLedger ledger;
    private final UserDirectory users;
    private final Mailer mailer;
    private final ReminderRenderer renderer;
    private final ThrottledSendRetry retry;
    private final Clock clock;
    private final int pageSize;
    private final Duration safetyMargin;

    public ReminderJob(DueTodos todos, ReminderLedger ledger, UserDirectory users, Mailer mailer, ReminderRenderer renderer,
            ThrottledSendRetry retry, Clock clock, int pageSize, Duration safetyMargin) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("The page size must be between 1 and 1000");
        }
        this.todos = todos;
        this.ledger = ledger;
        this.users = users;
        this.mailer = mailer;
        this.renderer = renderer;
        this.retry = retry;
        this.clock = clock;
        this.pageSize = pageSize;
        this.safetyMargin = safetyMargin;
    }

    /** Reminds of what is due on {@code today} and the day after; {@code today} is the job's calendar day. */
    public RunResult run(LocalDate today, Deadline deadline) {
        RunResult.Tally tally = new RunResult.Tally();
        // One lookup per user and run: a user with ten todos due is asked for once.
        Map<String, Optional<String>> addresses = new HashMap<>();
        for (LocalDate dueDate : List.of(today, today.plusDays(1))) {
            Optional<String> after = Optional.empty();
            do {
                DuePage page = todos.dueOn(dueDate, after, pageSize);
                tally.skipped(SkipReason.UNREADABLE_ITEM, page.unreadable());
                for (DueTodo todo : page.todos()) {
                    remind(todo, today, deadline, addresses, tally);
                }
                after = page.nextAfter();
            } while (after.isPresent());
        }
        return tally.result();
    }

    private void remind(DueTodo todo, LocalDate today, Deadline deadline, Map<String, Optional<String>> addresses,
            RunResult.Tally tally) {
        if (todo.done()) {
            tally.skipped(SkipReason.DONE, 1);
            return;
        }
        if (todo.title().isEmpty()) {
            LOG.warnf("Todo %s (due %s) has no title: no reminder", todo.todoId(), todo.dueDate());
            tally.skipped(SkipReason.MISSING_TITLE, 1);
            return;
        }
        // Never claim what there is no time left to send: a claim cut off by the timeout is a lost reminder.
        if (deadline.remaining().compareTo(safetyMargin) < 0) {
            throw new OutOfTimeException("Stopped before todo " + todo.todoId() + ": the invocation is about to time out",
                    tally.result());
        }
        ReminderKey key = new ReminderKey(todo.todoId(), todo.dueDate());
        if (!ledger.claimOnce(key, clock.instant())) {
            tally.skipped(SkipReason.ALREADY_REMINDED, 1);
            return;
        }
        Optional<String> address;
        try {
            address = addresses.computeIfAbsent(todo.ownerId(), users::emailOf);
        } catch (DirectoryUnavailableException unavailable) {
            ledger.release(key);
            throw unavailable;
        }
        if (address.isEmpty()) {
            skipForGood(key, SkipReason.USER_NOT_FOUND, todo, tally);
            return;
        }
        if (!EmailAddress.isWellFormed(address.get())) {
            skipForGood(key, SkipReason.MALFORMED_ADDRESS, todo, tally);
            return;
        }
        try {
            String messageId = retry.send(mailer, renderer.render(address.get(), todo.title().get(), todo.dueDate(), today),
                    deadline);
            ledger.markSent(key, messageId, clock.instant());
            tally.sent();
        } catch (RecipientRejectedException rejected) {
            skipForGood(key, SkipReason.RECIPIENT_REJECTED, todo, tally);
        } catch (MailThrottledException | SendingBlockedException nothingSent) {
            ledger.release(key);
            throw nothingSent;
        }
    }

    private void skipForGood(ReminderKey key, SkipReason reason, DueTodo todo, RunResult.Tally tally) {
        ledger.markSkipped(key, reason, clock.instant());
        LOG.warnf("No reminder for todo %s (due %s) of user %s: %s", todo.todoId(), todo.dueDate(), todo.ownerId(), reason);
        tally.skipped(reason, 1);
    }
}
