package com.example.serverless.reminders.support;

import com.example.serverless.reminders.domain.ReminderKey;
import com.example.serverless.reminders.domain.ReminderLedger;
import com.example.serverless.reminders.domain.SkipReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ledger in memory, with the same conditions as the DynamoDB one: claim where none, finish or release a claim. */
public final class InMemoryLedger implements ReminderLedger {

    private final Map<ReminderKey, String> states = new HashMap<>();

    public Optional<String> state(ReminderKey key) {
        return Optional.ofNullable(states.get(key));
    }

    @Override
    public boolean claimOnce(ReminderKey key, Instant at) {
        return states.putIfAbsent(key, "claimed") == null;
    }

    @Override
    public void markSent(ReminderKey key, String messageId, Instant at) {
        finish(key, "sent");
    }

    @Override
    public void markSkipped(ReminderKey key, SkipReason reason, Instant at) {
        finish(key, "skipped:" + reason);
    }

    @Override
    public void release(ReminderKey key) {
        states.remove(key, "claimed");
    }

    private void finish(ReminderKey key, String state) {
        if (!"claimed".equals(states.get(key))) {
            throw new IllegalStateException("Only a claim is finished: " + key + " is " + states.get(key));
        }
        states.put(key, state);
    }
}
