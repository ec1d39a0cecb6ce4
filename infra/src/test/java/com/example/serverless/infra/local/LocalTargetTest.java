package com.example.serverless.infra.local;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.example.serverless.infra.deploy.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void localParametersTurnGradualDeploymentsOffAndFillEverySecretWithAFreshRandomValue() {
        Map<String, String> first = LocalTarget.parameters(TEMPLATE);
        Map<String, String> second = LocalTarget.parameters(TEMPLATE);

        assertThat(first.get("EnableGradualDeployments"), equalTo("false"));
        assertThat(first.get("RetainData"), equalTo("false"));
        var secrets = SamTemplate.load(TEMPLATE).secretParametersWithoutDefault();
        assertThat("control: the template declares secrets", secrets.isEmpty(), equalTo(false));
        for (String secret : secrets) {
            assertThat(secret, first.get(secret), matchesPattern("[0-9a-f]{64}"));
            assertThat(secret, first.get(secret), not(equalTo(second.get(secret))));
        }
        assertThat("nothing else is set: every other parameter keeps its default", first.keySet(),
                equalTo(union(Set.of("EnableGradualDeployments", "RetainData"), Set.copyOf(secrets))));
    }

    @Test
    void aTemplateWithoutSecretsGetsOnlyTheThrowawaySwitches(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("template.yaml"), """
                Parameters:
                  Stage:
                    Type: String
                    Default: prod
                Resources: {}
                """);
        assertThat(LocalTarget.parameters(file), equalTo(Map.of("EnableGradualDeployments", "false", "RetainData", "false")));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
