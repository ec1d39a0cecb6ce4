package com.example.serverless.reminders.store;

import com.example.serverless.reminders.domain.DirectoryUnavailableException;
import com.example.serverless.reminders.domain.UserDirectory;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * The user pool: the todos name their owner by the {@code sub} claim, and the pool signs users in by email (its
 * usernames are not the sub), so the address is found with ListUsers and the filter {@code sub = "<id>"}. A disabled
 * user, or one without an email attribute, gets no mail.
 */
public final class CognitoUserDirectory implements UserDirectory {

    /** What a sub looks like; anything else could not be one, and must not reach the filter expression. */
    private static final Pattern SUB = Pattern.compile("[A-Za-z0-9-]{1,128}");

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoUserDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Optional<String> emailOf(String userId) {
        if (!SUB.matcher(userId).matches()) {
            return Optional.empty();
        }
        try {
            return cognito.listUsers(list -> list.userPoolId(userPoolId).filter("sub = \"" + userId + "\"").limit(1))
                    .users().stream()
                    .filter(user -> !Boolean.FALSE.equals(user.enabled()))
                    .findFirst()
                    .flatMap(user -> user.attributes().stream().filter(a -> a.name().equals("email"))
                            .map(AttributeType::value).findFirst());
        } catch (TooManyRequestsException | InternalErrorException | SdkClientException transientFailure) {
            throw new DirectoryUnavailableException("ListUsers failed for now", transientFailure);
        }
    }
}
