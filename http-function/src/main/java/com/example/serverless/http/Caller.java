package com.example.serverless.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.util.Arrays;
import java.util.List;
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

    /** The caller's id, after checking that its token puts it in this Cognito group (403 otherwise). */
    public String idInGroup(String group) {
        String id = id();
        if (!groups().contains(group)) {
            throw new ForbiddenException("Only members of the group \"" + group + "\" may do this");
        }
        return id;
    }

    /**
     * The {@code cognito:groups} claim. The HTTP API hands array claims over as one string, {@code [authors editors]};
     * a JSON-looking {@code ["authors"]} is read the same way.
     */
    private List<String> groups() {
        String claim = claims().map(claims -> claims.get("cognito:groups")).orElse("");
        return Arrays.stream(claim.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+")).filter(g -> !g.isEmpty()).toList();
    }

    private Optional<String> subject() {
        return claims().map(claims -> claims.get("sub")).filter(sub -> SUBJECT.matcher(sub).matches());
    }

    private Optional<Map<String, String>> claims() {
        return Optional.ofNullable(requestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims);
    }
}
