package com.example.serverless.infra.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/** Creates confirmed users in the stack's user pool and signs them in through the app client, as the app does. */
public record CognitoUsers(CognitoIdentityProviderClient cognito, String userPoolId, String clientId) {

    public record SignedInUser(String email, String password, String sub, String accessToken, String idToken) {
    }

    /** A new confirmed user with a unique address and a random password, signed in. */
    public SignedInUser signUp(String name) {
        return create(name + "-" + UUID.randomUUID() + "@example.com",
                "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 8) + "9A");
    }

    public SignedInUser create(String email, String password) {
        cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(email).password(password).permanent(true));
        return signIn(email, password);
    }

    public SignedInUser signIn(String email, String password) {
        AuthenticationResultType tokens = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult();
        String sub = claim(tokens.accessToken(), "sub");
        return new SignedInUser(email, password, sub, tokens.accessToken(), tokens.idToken());
    }

    private static String claim(String jwt, String name) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
