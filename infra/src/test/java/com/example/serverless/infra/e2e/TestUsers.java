package com.example.serverless.infra.e2e;

import com.example.serverless.infra.users.CognitoUsers;
import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The users (and app clients) a test class signs up in the stack's user pool, and on {@link #close()} everything it
 * left behind: each user's todos, the users, the app clients. The suite may run against a long-lived stack.
 */
final class TestUsers implements AutoCloseable {

    private final E2eStack.Stack stack;
    private final CognitoIdentityProviderClient cognito;
    private final List<SignedInUser> users = new ArrayList<>();
    private final List<String> appClients = new ArrayList<>();

    TestUsers(E2eStack.Stack stack) {
        this.stack = stack;
        this.cognito = stack.clients().cognito();
    }

    /** A new confirmed user with a unique address, signed in through the stack's app client. */
    SignedInUser signUp(String name) {
        SignedInUser user = new CognitoUsers(cognito, poolId(), stack.outputs().get("UserPoolClientId")).signUp(name);
        users.add(user);
        return user;
    }

    /** A new confirmed user in this Cognito group, signed in after joining it (so its tokens list the group). */
    SignedInUser signUpInGroup(String name, String group) {
        SignedInUser user = signUp(name);
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId()).username(user.email()).groupName(group));
        return new CognitoUsers(cognito, poolId(), stack.outputs().get("UserPoolClientId")).signIn(user.email(), user.password());
    }

    /** Another app client of the pool, removed again on close. */
    String createAppClient(java.util.function.Consumer<software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest.Builder> settings) {
        String clientId = cognito.createUserPoolClient(b -> settings.accept(b.userPoolId(poolId()))).userPoolClient().clientId();
        appClients.add(clientId);
        return clientId;
    }

    @Override
    public void close() {
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            String table = stack.outputs().get("TodosTableName");
            for (SignedInUser user : users) {
                dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression("ownerId = :owner")
                                .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(user.sub()))))
                        .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(table)
                                .key(Map.of("ownerId", item.get("ownerId"), "sk", item.get("sk")))));
                cognito.adminDeleteUser(b -> b.userPoolId(poolId()).username(user.email()));
            }
        }
        appClients.forEach(clientId -> cognito.deleteUserPoolClient(b -> b.userPoolId(poolId()).clientId(clientId)));
        cognito.close();
    }

    private String poolId() {
        return stack.outputs().get("UserPoolId");
    }
}
