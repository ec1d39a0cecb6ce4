package com.example.serverless.infra.local;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.example.serverless.infra.deploy.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template changes the local target makes, checked on the real template.yaml (no MiniStack needed). */
class LocalTargetTest {

    private static final Path TEMPLATE = Path.of("template.yaml");

    @Test
    void everyFunctionRunsOnProvidedAl2023WithoutSnapStart() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat("control: the template is java25 with SnapStart for AWS", template.toJson(), containsString("SnapStart"));

        LocalTarget.runFunctionsAsHostProcesses(template);

        JsonNode tree = new ObjectMapper().readTree(template.toJson());
        assertThat(tree.at("/Globals/Function/Runtime").asText(), equalTo("provided.al2023"));
        for (String function : template.functionIds()) {
            JsonNode properties = tree.at("/Resources/" + function + "/Properties");
            assertThat(function, properties.path("Runtime").asText("provided.al2023"), equalTo("provided.al2023"));
        }
        assertThat(template.toJson(), not(containsString("SnapStart")));
        assertThat(template.toJson(), not(containsString("java25")));
        assertThat("the handler string stays: the bootstrap passes it to the runtime interface client",
                tree.at("/Globals/Function/Handler").asText(), equalTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
    }

    @Test
    void theHttpFunctionsAreTheOnesTheLocalDeployBoundsToTheCores() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat(template.functionsWithEventType("HttpApi"), equalTo(List.of("TodoFunction", "BlogApiFunction")));
    }

    @Test
    void locallyNoQueueMappingRunsMoreBatchesAtOnceThanTheMachineHasCores() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat("control: on AWS ten uploads render at once", maximumConcurrency(template, "ThumbnailQueueMapping"),
                equalTo(10));

        LocalTarget.boundQueueMappingsByTheCores(template, 2);

        for (String mapping : List.of("ThumbnailQueueMapping", "MetadataSyncQueueMapping", "BlogNotifierQueueMapping")) {
            assertThat(mapping, maximumConcurrency(template, mapping), equalTo(2));
        }
        assertThat("no mapping without a ScalingConfig gains one", template.properties("BlogFanOutStreamMapping")
                .containsKey("ScalingConfig"), equalTo(false));
    }

    private static Object maximumConcurrency(SamTemplate template, String mapping) {
        return ((Map<?, ?>) template.properties(mapping).get("ScalingConfig")).get("MaximumConcurrency");
    }

    @Test
    void theTodoFunctionIsTrainedAsTheLocalStackRunsIt() {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat("control: the template sets it with EnableDax", template.environment("TodoFunction").keySet(),
                hasItem("TODO_DAX_ENDPOINT"));

        Map<String, String> environment = LocalTarget.trainingPlan(template, "TodoFunction").orElseThrow().environment();

        assertThat("no DAX locally: a placeholder there fails every request before the store is reached",
                environment.keySet(), not(hasItem("TODO_DAX_ENDPOINT")));
        assertThat(environment.keySet(), hasItems("TODO_TABLE_NAME", "TODO_ATTACHMENTS_BUCKET", "TODO_CURSOR_KEYS_SECRET"));
    }

    @Test
    void localParametersTurnGradualDeploymentsAndDeletionProtectionOff() throws IOException {
        assertThat(LocalTarget.parameters(), equalTo(Map.of("EnableGradualDeployments", "false", "RetainData", "false")));
        JsonNode declared = new ObjectMapper().readTree(SamTemplate.load(TEMPLATE).toJson()).path("Parameters");
        for (String parameter : LocalTarget.parameters().keySet()) {
            assertThat("the template declares " + parameter, declared.has(parameter), equalTo(true));
        }
    }

    @Test
    void locallyEveryGrantOfSendMessageAlsoNamesTheBatchCallMiniStackChecks() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        assertThat("control: AWS has no sqs:SendMessageBatch action", template.toJson(), not(containsString("SendMessageBatch")));

        LocalTarget.authorizeSqsBatchesAsMiniStackDoes(template);

        assertThat(template.functionsWithInlineAction("sqs:SendMessageBatch"),
                equalTo(template.functionsWithInlineAction("sqs:SendMessage")));
        assertThat("the fan-out sends its pages in batches", template.inlineStatementsWithAction("BlogFanOutFunction",
                "sqs:SendMessageBatch").stream().map(statement -> statement.get("Resource").toString()).toList(),
                equalTo(template.inlineStatementsWithAction("BlogFanOutFunction", "sqs:SendMessage").stream()
                        .map(statement -> statement.get("Resource").toString()).toList()));
    }

    @Test
    void locallyTheSitesApiOriginIsMiniStacksListenerAndItsCspNamesTheLocalCognito() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);

        LocalTarget.serveTheSiteApiFromMiniStack(template, java.net.URI.create("http://127.0.0.1:4567"));
        LocalTarget.allowTheLocalCognitoInTheSiteCsp(template, java.net.URI.create("https://127.0.0.1:4566"));

        JsonNode tree = new ObjectMapper().readTree(template.toJson());
        JsonNode api = tree.at("/Resources/SiteDistribution/Properties/DistributionConfig/Origins/1");
        assertThat(api.path("Id").asText(), equalTo("api"));
        assertThat(api.path("DomainName").asText(), equalTo("127.0.0.1"));
        assertThat(api.at("/OriginPath/Fn::Sub").asText(), equalTo("/_aws/execute-api/${BlogApi}/$default"));
        assertThat(api.at("/CustomOriginConfig/HTTPPort").asInt(), equalTo(4567));
        assertThat(api.at("/CustomOriginConfig/OriginProtocolPolicy").asText(), equalTo("http-only"));
        String csp = tree.at("/Resources/SiteHeadersPolicy/Properties/ResponseHeadersPolicyConfig/SecurityHeadersConfig"
                + "/ContentSecurityPolicy/ContentSecurityPolicy/Fn::Sub").asText();
        assertThat(csp, containsString("connect-src 'self' https://127.0.0.1:4566;"));
        assertThat(csp, not(containsString("cognito-idp")));
    }
}
