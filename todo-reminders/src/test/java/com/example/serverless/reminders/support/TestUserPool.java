package com.example.serverless.reminders.support;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * A user pool of the test application's account, made like the template's (users sign in by email, so the username is
 * not the address), and users in it. Its id is only known once it exists, so the job's directory is pointed at it by
 * {@link TestUserDirectory} rather than by configuration.
 */
@ApplicationScoped
public class TestUserPool {

    private final CognitoIdentityProviderClient cognito;
    private String id;

    TestUserPool(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @PostConstruct
    void create() {
        id = cognito.createUserPool(pool -> pool.poolName("todo-reminders-test")
                .usernameAttributes(UsernameAttributeType.EMAIL)).userPool().id();
    }

    public String id() {
        return id;
    }

    /** A confirmed user with this address; returns its {@code sub}, what todo-api stores as the owner. */
    public String createUser(String email) {
        cognito.adminCreateUser(user -> user.userPoolId(id).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        return cognito.adminGetUser(user -> user.userPoolId(id).username(email)).userAttributes().stream()
                .filter(attribute -> attribute.name().equals("sub")).findFirst().orElseThrow().value();
    }

    public void deleteUser(String email) {
        cognito.adminDeleteUser(user -> user.userPoolId(id).username(email));
    }
}
