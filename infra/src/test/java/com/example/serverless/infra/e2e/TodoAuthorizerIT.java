package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.example.serverless.infra.users.CognitoUsers;
import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The HTTP API's JWT authorizer refuses requests before the function runs: the answer is API Gateway's
 * own {"message":"Unauthorized"} (the function answers application/problem+json), and a create that got
 * through would leave a todo in the caller's list.
 */
@ExtendWith(E2eStack.class)
class TodoAuthorizerIT {

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static SignedInUser erin;

    @BeforeAll
    static void signIn(E2eStack.Stack deployed) {
        stack = deployed;
        TodoApiIT.useStack(deployed);
        users = new TestUsers(stack);
        erin = users.signUp("erin");
    }

    @AfterAll
    static void removeUsers() {
        if (users != null) {
            users.close();
        }
    }

    @Test
    void validTokenReachesTheFunction() {
        String id = TodoApiIT.api(erin).body(Map.of("title", "control")).post("/todos").then().statusCode(201).extract().path("id");
        assertThat(todoIdsOf(erin), hasItem(id));
    }

    @Test
    void requestWithoutTokenIsRejectedByTheAuthorizer() {
        rejectedBeforeTheFunction(TodoApiIT.anonymous().body(Map.of("title", "no token")).post("/todos").then().extract());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejectedByTheAuthorizer() {
        String forged = Jwts.resign(erin.accessToken(), Jwts.newRsaKey(), claims -> { });
        rejectedBeforeTheFunction(withToken(forged));
    }

    @Test
    void expiredTokenIsRejectedByTheAuthorizer() {
        PrivateKey poolKey = poolSigningKey();
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        // Control: the pool's own key with the claims unchanged is accepted, so only the expiry differs below.
        String resigned = Jwts.resign(erin.accessToken(), poolKey, claims -> { });
        TodoApiIT.anonymous().header("Authorization", "Bearer " + resigned).get("/todos").then().statusCode(200);

        String expired = Jwts.resign(erin.accessToken(), poolKey, claims -> {
            claims.put("iat", past - 3600);
            claims.put("auth_time", past - 3600);
            claims.put("exp", past);
        });
        rejectedBeforeTheFunction(withToken(expired));
    }

    @Test
    void tokenIssuedToAnotherAppClientIsRejectedByTheAuthorizer() {
        String otherClient = users.createAppClient(b -> b.clientName("another-app").generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        SignedInUser sameUserOtherApp = appClient(otherClient).signIn(erin.email(), erin.password());
        assertThat(Jwts.claims(sameUserOtherApp.accessToken()).get("client_id").asText(), equalTo(otherClient));
        rejectedBeforeTheFunction(withToken(sameUserOtherApp.accessToken()));
        rejectedBeforeTheFunction(withToken(sameUserOtherApp.idToken()));
    }

    private static ExtractableResponse<Response> withToken(String token) {
        return TodoApiIT.anonymous().header("Authorization", "Bearer " + token)
                .body(Map.of("title", "should never be stored")).post("/todos").then().extract();
    }

    private static void rejectedBeforeTheFunction(ExtractableResponse<Response> response) {
        assertThat(response.body().asString(), response.statusCode(), equalTo(401));
        assertThat(response.contentType(), not(startsWith("application/problem+json")));
        assertThat(response.path("message"), equalTo("Unauthorized"));
        assertThat(titlesOf(erin), not(hasItem("should never be stored")));
        assertThat(titlesOf(erin), not(hasItem("no token")));
    }

    /** AWS never reveals a pool's private key; MiniStack keeps it on disk, so only the local target can mint an expired token. */
    private static PrivateKey poolSigningKey() {
        Assumptions.assumeTrue(stack.isLocal(), "an expired token signed by the pool needs the pool's key: local target only");
        return Jwts.readPkcs8(stack.miniStack().orElseThrow().accessTokenSigningKey(stack.outputs().get("UserPoolId")));
    }

    private static List<String> todoIdsOf(SignedInUser user) {
        return TodoApiIT.api(user).queryParam("limit", 100).get("/todos").then().statusCode(200).extract().path("items.id");
    }

    private static List<String> titlesOf(SignedInUser user) {
        return TodoApiIT.api(user).queryParam("limit", 100).get("/todos").then().statusCode(200).extract().path("items.title");
    }

    private static CognitoUsers appClient(String clientId) {
        return new CognitoUsers(stack.clients().cognito(), stack.outputs().get("UserPoolId"), clientId);
    }
}
