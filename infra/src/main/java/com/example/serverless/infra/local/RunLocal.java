package com.example.serverless.infra.local;

import com.example.serverless.infra.deploy.Deployment;
import com.example.serverless.infra.deploy.StackDeployer;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.infra.users.CognitoUsers;
import com.example.serverless.localcloud.MiniStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The whole stack on this machine (./run-local.sh): starts MiniStack (IAM and TLS enforced), deploys
 * infra/template.yaml with the same deployer the E2E suite uses, creates a demo user, prints how to call it, and
 * runs until Ctrl-C.
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path infra = Path.of(args.length > 0 ? args[0] : "infra").toAbsolutePath();
        Path work = infra.resolve("target");
        Path template = infra.resolve("template.yaml");
        MiniStack miniStack = MiniStack.start(work.resolve("run-local"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(miniStack), "run-local-stop"));
        LocalTarget target = new LocalTarget(miniStack, work.resolve("lambda-runtime-interface-client"), work);
        StackOutputs outputs = new StackDeployer(target).deploy(new Deployment("local", template,
                LocalTarget.parameters(), "local-deployment", Duration.ofMinutes(5)));

        TargetClients clients = new TargetClients(target);
        // SES sends only from verified identities: the blog example below verifies the stack's sender first.
        String sender = clients.cloudFormation().describeStacks(b -> b.stackName(outputs.stackName())).stacks().get(0)
                .parameters().stream().filter(p -> p.parameterKey().equals("BlogSenderEmail")).findFirst()
                .orElseThrow().parameterValue();
        CognitoUsers users = new CognitoUsers(clients.cognito(), outputs.get("UserPoolId"), outputs.get("UserPoolClientId"));
        String password = "Demo-" + UUID.randomUUID().toString().substring(0, 12) + "9A";
        CognitoUsers.SignedInUser demo = users.create("demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                password);
        writeStackProperties(miniStack, outputs);
        writeFunctionEnvironments(miniStack, clients, outputs);
        System.out.println(instructions(miniStack, target, outputs, demo, sender));
        new CountDownLatch(1).await();
    }

    /** Where infra/cost-report.sh finds the running stack. */
    private static void writeStackProperties(MiniStack miniStack, StackOutputs outputs) {
        java.util.Properties running = new java.util.Properties();
        running.setProperty("endpoint", miniStack.endpoint().toString());
        running.setProperty("truststore", miniStack.trustStore().file().toString());
        running.setProperty("stack", outputs.stackName());
        try (var out = java.nio.file.Files.newBufferedWriter(miniStack.log().resolveSibling("stack.properties"))) {
            running.store(out, "the stack ./run-local.sh is running");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Each function's environment as deployed, in functions/&lt;LogicalId&gt;.properties: what a module run with
     * {@code quarkus:dev} takes to act as that function (local-cloud's LocalCloudDevConfig).
     */
    private static void writeFunctionEnvironments(MiniStack miniStack, TargetClients clients, StackOutputs outputs) {
        java.nio.file.Path functions = miniStack.log().resolveSibling("functions");
        try (var cloudFormation = clients.cloudFormation(); var lambda = clients.lambda()) {
            java.nio.file.Files.createDirectories(functions);
            for (var resource : cloudFormation.listStackResourcesPaginator(b -> b.stackName(outputs.stackName())).stackResourceSummaries()) {
                if (!"AWS::Lambda::Function".equals(resource.resourceType())) {
                    continue;
                }
                java.util.Properties environment = new java.util.Properties();
                var configuration = lambda.getFunctionConfiguration(b -> b.functionName(resource.physicalResourceId()));
                if (configuration.environment() != null) {
                    configuration.environment().variables().forEach(environment::setProperty);
                }
                try (var out = java.nio.file.Files.newBufferedWriter(functions.resolve(resource.logicalResourceId() + ".properties"))) {
                    environment.store(out, resource.physicalResourceId() + "'s environment in the stack ./run-local.sh runs");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ctrl-C: MiniStack and every function process it started go, and the console says so. */
    private static void stop(MiniStack miniStack) {
        long functions = miniStack.childProcesses();
        System.out.println("\nStopping MiniStack and " + functions + " function process" + (functions == 1 ? "" : "es") + " ...");
        miniStack.close();
        System.out.println("Stopped. Nothing of the local stack is running any more (its files stay under "
                + miniStack.log().getParent() + ").");
    }

    static String instructions(MiniStack miniStack, LocalTarget target, StackOutputs outputs,
            CognitoUsers.SignedInUser demo, String sender) {
        URI endpoint = miniStack.endpoint();
        URI api = target.httpApiBaseUrl(outputs.get("ApiUrl"));
        URI blogApi = target.httpApiBaseUrl(outputs.get("BlogApiUrl"));
        Map<String, String> shown = new TreeMap<>(outputs.values());
        // The URL AWS would serve the API at means nothing here: show where it is served locally. URLs MiniStack composes
        // itself (queue URLs) name its plain listener (see MiniStack.start): show them at the TLS endpoint clients use.
        shown.put("ApiUrl", api.toString());
        shown.put("BlogApiUrl", blogApi.toString());
        URI site = target.siteUrl(outputs.get("SiteUrl"));
        shown.put("SiteUrl", site.toString());
        String composed = "https://" + miniStack.plainHttpEndpoint().getAuthority();
        shown.replaceAll((key, value) -> value.startsWith(composed) ? endpoint + value.substring(composed.length()) : value);
        StringBuilder out = new StringBuilder("\nThe stack runs on MiniStack at ").append(endpoint)
                .append(" (IAM and TLS enforced; log: ").append(miniStack.log()).append(")\n\nOutputs:\n");
        shown.forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
        out.append("\nDemo user: ").append(demo.email()).append("  password: ").append(demo.password()).append("\n\n")
                .append("""
                        The blog site, through MiniStack's CloudFront (its name resolves nowhere but here):
                          chromium --host-resolver-rules='MAP *.cloudfront.net 127.0.0.1' \\
                            --ignore-certificate-errors-spki-list=%s --user-data-dir=$(mktemp -d) %s/
                          curl --cacert %s --resolve %s:%d:127.0.0.1 %s/

                        Point the AWS CLI v2 and curl at it (the account root's keys; MiniStack's certificate):
                          export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=%s
                          export AWS_ENDPOINT_URL=%s AWS_CA_BUNDLE=%s
                          alias curl='curl --cacert %s'

                        Todos: sign in, create one, list them
                          TOKEN=$(aws cognito-idp initiate-auth --client-id %s \\
                            --auth-flow USER_PASSWORD_AUTH --auth-parameters 'USERNAME=%s,PASSWORD=%s' \\
                            --query AuthenticationResult.AccessToken --output text)
                          curl -s -X POST '%s/todos' -H "Authorization: Bearer $TOKEN" \\
                            -H 'Content-Type: application/json' -d '{"title":"Try MiniStack"}'
                          curl -s '%s/todos' -H "Authorization: Bearer $TOKEN"
                          aws dynamodb scan --table-name %s

                        A second user (to see that users never see each other's todos)
                          aws cognito-idp admin-create-user --user-pool-id %s --username second@example.com \\
                            --message-action SUPPRESS --user-attributes Name=email,Value=second@example.com Name=email_verified,Value=true
                          aws cognito-idp admin-set-user-password --user-pool-id %s --username second@example.com \\
                            --password 'Second-user-pass-9A' --permanent
                          (then sign in as above with USERNAME=second@example.com,PASSWORD=Second-user-pass-9A)

                        Thumbnails: upload an image, then list the thumbnails bucket
                          aws s3 cp photo.jpg s3://%s/holiday/photo.jpg
                          aws s3 ls s3://%s --recursive

                        Metadata sync: put or delete any object, then read the index
                          aws s3 cp notes.txt s3://%s/docs/notes.txt
                          aws dynamodb scan --table-name %s

                        Blog: a verified sender, a reader subscribes (the confirmation mail is in SES's sent mail;
                        POST its token to %s/subscriptions/confirmation), the posts readers see
                          aws sesv2 create-email-identity --email-identity %s
                          curl -s -X POST '%s/subscriptions' -H 'Content-Type: application/json' \\
                            -d '{"email":"reader@example.com","tags":[]}'
                          curl -s %s/_ministack/ses/messages
                          curl -s '%s/posts'
                        Authors are users in the Cognito group "authors" (POST %s/posts, then .../publication):
                          aws cognito-idp admin-add-user-to-group --user-pool-id %s --username %s --group-name authors

                        What the invocations so far cost, from their REPORT lines: infra/cost-report.sh local

                        Ctrl-C stops MiniStack and every function process.
                        """.formatted(miniStack.trustStore().publicKeyPin(), site, miniStack.trustStore().certificate(),
                        site.getHost(), site.getPort(), site, LocalTarget.REGION.id(), endpoint, miniStack.trustStore().certificate(),
                        miniStack.trustStore().certificate(),
                        outputs.get("UserPoolClientId"), demo.email(), demo.password(), api, api,
                        outputs.get("TodosTableName"), outputs.get("UserPoolId"), outputs.get("UserPoolId"),
                        outputs.get("UploadsBucketName"), outputs.get("ThumbnailsBucketName"),
                        outputs.get("MetadataSourceBucketName"), outputs.get("MetadataTableName"),
                        blogApi, sender, blogApi, endpoint, blogApi, blogApi, outputs.get("UserPoolId"), demo.email()));
        return out.toString();
    }
}
