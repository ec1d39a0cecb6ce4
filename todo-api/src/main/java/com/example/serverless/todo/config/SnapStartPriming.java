package com.example.serverless.todo.config;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: just before Lambda snapshots the initialised function, a few read-only requests go through the
 * real handler (routing, JSON, the problem mapper, the DynamoDB client and its TLS connection), so a restored
 * function starts with that code loaded and compiled instead of paying for it on its first user's request.
 * <p>
 * They act as the nil UUID, a subject Cognito never issues: listing finds nothing, reading one todo answers 404,
 * and nothing is written. A failure is logged and the snapshot taken anyway: priming only saves time.
 */
@ApplicationScoped
public class SnapStartPriming implements Resource {

    /** Not a Cognito sub (those are random UUIDs): no user's data is ever read. */
    static final String PRIMING_CALLER = "00000000-0000-0000-0000-000000000000";
    /** Path and query of each priming request, all GETs. */
    static final List<String> REQUESTS = List.of("/todos?limit=1", "/todos/" + PRIMING_CALLER, "/q/openapi");

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    void register(@Observes StartupEvent started) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            LOG.infof("Primed before the snapshot: %s -> %s", REQUESTS, prime());
        } catch (RuntimeException e) {
            LOG.warnf("Priming before the snapshot failed, taking it unprimed: %s", e.toString());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: SDK clients reconnect on their own, and the signing keys are read on first use.
    }

    /** The status of each priming request, in order. */
    List<Integer> prime() {
        LambdaHttpHandler handler = new LambdaHttpHandler();
        return REQUESTS.stream().map(request -> handler.handleRequest(get(request), null).getStatusCode()).toList();
    }

    private static APIGatewayV2HTTPEvent get(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", PRIMING_CALLER));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
        requestContext.setHttp(http);
        requestContext.setAuthorizer(authorizer);
        requestContext.setRequestId("snapstart-priming");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("$default");
        event.setRawPath(path);
        event.setRawQueryString(query < 0 ? "" : pathAndQuery.substring(query + 1));
        event.setHeaders(Map.of("host", "localhost", "accept", "application/json"));
        event.setRequestContext(requestContext);
        return event;
    }
}
