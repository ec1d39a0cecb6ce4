package com.example.serverless.infra.localstack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.example.serverless.infra.tools.InstalledTools;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** localstack/docker-compose.yml parses, pins the same image as the E2E target and starts what the template needs. */
class LocalStackComposeTest {

    private static final Path LOCALSTACK_DIR = Path.of("..", "localstack");

    private final Map<String, Object> localstack = service();

    @Test
    void imageIsThePinnedTagAndOverridable() {
        assertThat(localstack.get("image"), equalTo("${LOCALSTACK_IMAGE:-" + LocalStackTarget.DEFAULT_IMAGE + "}"));
        assertThat(LocalStackTarget.DEFAULT_IMAGE, equalTo("localstack/localstack:4.14.0"));
    }

    @Test
    void authTokenIsPassedThroughFromTheEnvironment() {
        assertThat(environment().get("LOCALSTACK_AUTH_TOKEN"), equalTo("${LOCALSTACK_AUTH_TOKEN:-}"));
    }

    @Test
    void servicesAreTheOnesTheE2eTargetStarts() {
        assertThat(Arrays.asList(String.valueOf(environment().get("SERVICES")).split(",")), equalTo(LocalStackTarget.SERVICES));
    }

    @Test
    void unsupportedResourceTypesFailTheDeployInsteadOfBeingSkipped() {
        assertThat(environment().get("CFN_IGNORE_UNSUPPORTED_RESOURCE_TYPES"), equalTo("0"));
    }

    @Test
    void lambdaContainersRunThroughTheHostEngineOnTheComposeNetwork() {
        assertThat(volumes(), hasItem("/var/run/docker.sock:/var/run/docker.sock"));
        Map<String, Object> networks = map(compose().get("networks"));
        String networkName = String.valueOf(map(networks.get("localstack")).get("name"));
        assertThat(environment().get("LAMBDA_DOCKER_NETWORK"), equalTo(networkName));
        assertThat(strings("networks"), hasItem("localstack"));
        assertThat(Integer.parseInt(String.valueOf(environment().get("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT"))) >= 60, equalTo(true));
    }

    @Test
    void portsAreBoundToLoopbackOnly() {
        assertThat(strings("ports"), everyItem(startsWith("127.0.0.1:")));
        assertThat(strings("ports"), hasItem("127.0.0.1:4566:4566"));
    }

    @Test
    void healthCheckAsksLocalStacksHealthEndpoint() {
        Object test = map(localstack.get("healthcheck")).get("test");
        assertThat(String.valueOf(test), containsString("/_localstack/health"));
    }

    @Test
    void readyHookDeploysFromTheMountedRepository() {
        assertThat(volumes(), hasItems("./init/ready.d:/etc/localstack/init/ready.d:ro", "..:/project:ro"));
        Path hook = LOCALSTACK_DIR.resolve("init/ready.d/deploy.sh");
        assertThat(hook + " is executable", Files.isExecutable(hook), equalTo(true));
    }

    /** Docker Compose's own validation, without a daemon: `docker compose config -q` (plugin) or `docker-compose config -q`. */
    @Test
    void composeCliAcceptsTheFile() throws IOException, InterruptedException {
        List<String> cli = Stream.of(List.of("docker", "compose"), List.of("docker-compose"))
                .filter(candidate -> InstalledTools.answers(Stream.concat(candidate.stream(), Stream.of("version")).toList()))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(cli != null, "no Docker Compose CLI (docker compose or docker-compose) to validate with");
        List<String> command = new ArrayList<>(cli);
        command.addAll(List.of("config", "-q"));
        Process process = new ProcessBuilder(command).directory(LOCALSTACK_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, equalTo(true));
    }


    private Map<String, Object> environment() {
        return map(localstack.get("environment"));
    }

    private List<String> volumes() {
        return strings("volumes");
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String key) {
        return (List<String>) localstack.get(key);
    }

    private static Map<String, Object> service() {
        return map(map(compose().get("services")).get("localstack"));
    }

    private static Map<String, Object> compose() {
        try (Reader reader = Files.newBufferedReader(LOCALSTACK_DIR.resolve("docker-compose.yml"))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
