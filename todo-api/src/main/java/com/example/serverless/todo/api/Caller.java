package com.example.serverless.todo.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling: the {@code sub} claim of the Cognito token that the HTTP API's JWT authorizer already
 * verified (signature, issuer, audience, expiry) and passed in the request context. The function does not
 * verify the token again; it refuses a request that arrives without those claims.
 */
@RequestScoped
public class Caller {

    /** Cognito subs are UUIDs; anything else did not come from our user pool. */
    private static final Pattern SUBJECT = Pattern.compile("[0-9a-fA-F-]{36}");

    @Inject
    APIGatewayV2HTTPEvent.RequestContext requestContext;

    public String id() {
        return subject().orElseThrow(UnauthenticatedException::new);
    }

    private Optional<String> subject() {
        return Optional.ofNullable(requestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map((Map<String, String> claims) -> claims.get("sub"))
                .filter(sub -> SUBJECT.matcher(sub).matches());
    }
}
