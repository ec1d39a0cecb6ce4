package com.example.serverless.reminders.support;

import com.example.serverless.email.Email;
import com.example.serverless.email.Mailer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Records what it sends; answers a given failure for a given recipient (or for everyone) instead. */
public final class FakeMailer implements Mailer {

    private final List<Email> sent = new ArrayList<>();
    private final Map<String, Supplier<RuntimeException>> failures = new HashMap<>();
    private Supplier<RuntimeException> failAll;

    public List<Email> sent() {
        return sent;
    }

    public List<String> recipients() {
        return sent.stream().map(Email::to).toList();
    }

    public void failFor(String to, Supplier<RuntimeException> failure) {
        failures.put(to, failure);
    }

    public void failAll(Supplier<RuntimeException> failure) {
        failAll = failure;
    }

    @Override
    public String send(Email email) {
        if (failAll != null) {
            throw failAll.get();
        }
        if (failures.containsKey(email.to())) {
            throw failures.get(email.to()).get();
        }
        sent.add(email);
        return "message-" + sent.size();
    }
}
