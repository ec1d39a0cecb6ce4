package com.example.serverless.infra.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules of infra/template.yaml that neither cfn-lint nor checkov know: what each canary watches, where secrets live,
 * which policies are too broad for this project, and that every data store is deletion-protected.
 */
class TemplateSafeguardsTest {

    /** SAM policy templates that grant more than any function here uses (Scan, BatchWrite, DeleteObject on all keys...). */
    private static final Set<String> BROAD_POLICY_TEMPLATES = Set.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy",
            "DynamoDBWritePolicy", "S3CrudPolicy", "S3ReadPolicy", "S3WritePolicy", "SQSPollerPolicy");
    /** SAM event types for which SAM attaches an AWS-managed poller policy on Resource "*". */
    private static final Set<String> POLLED_EVENT_TYPES = Set.of("SQS", "DynamoDB", "Kinesis", "MQ", "MSK");

    private static JsonNode template;
    private static JsonNode resources;

    @BeforeAll
    static void load() throws IOException {
        template = new ObjectMapper().readTree(SamTemplate.load(Path.of("template.yaml")).toJson());
        resources = template.path("Resources");
    }

    @Test
    void everyHttpFunctionsCanaryWatchesA5xxAlarm() {
        List<String> httpFunctions = functions().stream().filter(TemplateSafeguardsTest::servesHttp).toList();
        assertThat("control: the template has HTTP functions", httpFunctions, not(empty()));
        for (String function : httpFunctions) {
            List<JsonNode> alarms = canaryAlarms(function);
            assertThat(function + " watches the API's 5xx", alarms.stream().map(a -> metric(a)).toList(),
                    hasItem("AWS/ApiGateway 5xx"));
            assertThat(function + " watches its own 5xx responses", alarms.stream().map(a -> metric(a)).toList(),
                    hasItem("ServerlessReference ServerErrors"));
        }
    }

    @Test
    void everyFunctionsCanaryWatchesItsLambdaErrors() {
        for (String function : functions()) {
            boolean watchesErrors = canaryAlarms(function).stream().anyMatch(alarm -> metric(alarm).equals("AWS/Lambda Errors")
                    && refsTo(alarm.path("Properties").path("Dimensions")).contains(function)
                    && dimensionNames(alarm).contains("Resource"));
            assertThat(function + " rolls back on its own Errors, counted on the alias being shifted", watchesErrors,
                    equalTo(true));
            assertThat(function + "'s canary is switched by EnableGradualDeployments",
                    deploymentPreference(function).path("Enabled").path("Ref").asText(), equalTo("EnableGradualDeployments"));
        }
    }

    @Test
    void secretsAreNeitherParametersNorEnvironmentValues() {
        List<String> secretParameters = new ArrayList<>();
        template.path("Parameters").properties().forEach(parameter -> {
            if (parameter.getValue().path("NoEcho").asBoolean(false)) {
                secretParameters.add(parameter.getKey());
            }
        });
        assertThat("a NoEcho parameter ends up in plain sight (environment, events)", secretParameters, empty());
        for (String function : functions()) {
            properties(function).path("Environment").path("Variables").properties().forEach(variable -> {
                if (variable.getKey().contains("SECRET") || variable.getKey().contains("KEY")) {
                    JsonNode getAtt = variable.getValue().path("Fn::GetAtt");
                    assertThat(function + " " + variable.getKey() + " names a Secrets Manager secret by ARN",
                            resources.path(getAtt.path(0).asText()).path("Type").asText() + "." + getAtt.path(1).asText(),
                            equalTo("AWS::SecretsManager::Secret.Id"));
                }
            });
        }
    }

    @Test
    void noFunctionGetsABroadPolicyTemplateOrAPollerPolicyOnEveryResource() {
        for (String function : functions()) {
            for (JsonNode policy : properties(function).path("Policies")) {
                policy.fieldNames().forEachRemaining(name -> assertThat(function + " uses " + name,
                        BROAD_POLICY_TEMPLATES.contains(name), equalTo(false)));
            }
            properties(function).path("Events").forEach(event -> assertThat(
                    function + ": a SAM " + event.path("Type").asText() + " event attaches a managed policy on \"*\"; "
                            + "declare an AWS::Lambda::EventSourceMapping and grant the source's actions on it",
                    POLLED_EVENT_TYPES.contains(event.path("Type").asText()), equalTo(false)));
        }
    }

    @Test
    void everyDataStoreIsDeletionProtectedUnlessTheStackIsThrowaway() {
        Map<String, String> protectionProperty = Map.of("AWS::DynamoDB::Table", "DeletionProtectionEnabled",
                "AWS::Cognito::UserPool", "DeletionProtection");
        int checked = 0;
        for (var resource : resources.properties()) {
            String property = protectionProperty.get(resource.getValue().path("Type").asText());
            if (property != null) {
                assertFollowsRetainData(resource.getKey() + " " + property,
                        resource.getValue().path("Properties").path(property));
                checked++;
            }
        }
        assertThat("control: tables and the user pool were found", checked > 3, equalTo(true));
    }

    @Test
    void everyReplicaOfAGlobalTableIsDeletionProtectedAndRecoverable() {
        int checked = 0;
        for (var resource : resources.properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::DynamoDB::GlobalTable")) {
                for (JsonNode replica : replicas(resource.getValue())) {
                    String name = resource.getKey() + " replica " + replica.path("Region");
                    assertFollowsRetainData(name + " DeletionProtectionEnabled", replica.path("DeletionProtectionEnabled"));
                    assertThat(name + " has point-in-time recovery", replica.path("PointInTimeRecoverySpecification")
                            .path("PointInTimeRecoveryEnabled").asBoolean(), equalTo(true));
                    checked++;
                }
            }
        }
        assertThat("control: the blog's two tables with two possible replicas each", checked, equalTo(4));
    }

    @Test
    void blogReplicaRegionAdmitsNothingOrOneRegion() {
        Pattern allowed = Pattern.compile(
                template.path("Parameters").path("BlogReplicaRegion").path("AllowedPattern").asText());
        for (String value : List.of("", "eu-west-1", "ap-southeast-2", "us-gov-west-1")) {
            assertThat("admits \"" + value + "\"", allowed.matcher(value).matches(), equalTo(true));
        }
        for (String value : List.of("eu-west-1,us-east-2", "eu-west-1 ", "EU-WEST-1", "eu-west", "europe")) {
            assertThat("refuses \"" + value + "\"", allowed.matcher(value).matches(), equalTo(false));
        }
    }

    /** A global table's replicas, the conditional ones ({@code Fn::If [condition, replica, AWS::NoValue]}) included. */
    private static List<JsonNode> replicas(JsonNode globalTable) {
        List<JsonNode> replicas = new ArrayList<>();
        for (JsonNode entry : globalTable.path("Properties").path("Replicas")) {
            replicas.add(entry.has("Fn::If") ? entry.path("Fn::If").path(1) : entry);
        }
        return replicas;
    }

    private static void assertFollowsRetainData(String what, JsonNode protection) {
        assertThat(what + " follows RetainData", protection.path("Fn::If").path(0).asText(), equalTo("RetainData"));
    }

    private static List<String> functions() {
        List<String> functions = new ArrayList<>();
        resources.properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals(SamTemplate.FUNCTION_TYPE)) {
                functions.add(resource.getKey());
            }
        });
        return functions;
    }

    private static JsonNode properties(String function) {
        return resources.path(function).path("Properties");
    }

    private static JsonNode deploymentPreference(String function) {
        return properties(function).path("DeploymentPreference");
    }

    private static boolean servesHttp(String function) {
        return StreamSupport.stream(properties(function).path("Events").spliterator(), false)
                .anyMatch(event -> Set.of("HttpApi", "Api").contains(event.path("Type").asText()));
    }

    private static List<JsonNode> canaryAlarms(String function) {
        return StreamSupport.stream(deploymentPreference(function).path("Alarms").spliterator(), false)
                .map(ref -> resources.path(ref.path("Ref").asText()))
                .toList();
    }

    private static String metric(JsonNode alarm) {
        return alarm.path("Properties").path("Namespace").asText() + " " + alarm.path("Properties").path("MetricName").asText();
    }

    private static List<String> dimensionNames(JsonNode alarm) {
        return StreamSupport.stream(alarm.path("Properties").path("Dimensions").spliterator(), false)
                .map(d -> d.path("Name").asText()).toList();
    }

    private static List<String> refsTo(JsonNode dimensions) {
        return StreamSupport.stream(dimensions.spliterator(), false).map(d -> d.path("Value").path("Ref").asText()).toList();
    }
}
