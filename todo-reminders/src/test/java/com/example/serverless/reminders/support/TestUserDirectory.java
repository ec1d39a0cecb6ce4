package com.example.serverless.reminders.support;

import com.example.serverless.reminders.domain.UserDirectory;
import com.example.serverless.reminders.store.CognitoUserDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** In tests the job's real Cognito directory looks users up in the pool the test application created. */
public class TestUserDirectory {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    UserDirectory testPoolDirectory(CognitoIdentityProviderClient cognito, TestUserPool pool) {
        return new CognitoUserDirectory(cognito, pool.id());
    }
}
