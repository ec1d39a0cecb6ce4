package com.example.serverless.reminders.domain;

import java.util.Optional;

/** Where a todo's owner (the Cognito user id, {@code sub}) is found: the email address, or empty if no such user. */
public interface UserDirectory {

    /**
     * @throws DirectoryUnavailableException the directory could not answer now (throttled, unreachable)
     */
    Optional<String> emailOf(String userId);
}
