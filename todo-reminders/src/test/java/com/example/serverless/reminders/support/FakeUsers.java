package com.example.serverless.reminders.support;

import com.example.serverless.reminders.domain.DirectoryUnavailableException;
import com.example.serverless.reminders.domain.UserDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A user directory of given users; counts lookups, and can be unavailable. */
public final class FakeUsers implements UserDirectory {

    private final Map<String, String> addresses = new HashMap<>();
    private final Map<String, Integer> lookups = new HashMap<>();
    private boolean unavailable;

    public void add(String userId, String address) {
        addresses.put(userId, address);
    }

    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    public int lookups(String userId) {
        return lookups.getOrDefault(userId, 0);
    }

    @Override
    public Optional<String> emailOf(String userId) {
        lookups.merge(userId, 1, Integer::sum);
        if (unavailable) {
            throw new DirectoryUnavailableException("directory down", null);
        }
        return Optional.ofNullable(addresses.get(userId));
    }
}
