package com.example.serverless.infra.local;

import com.example.serverless.infra.deploy.Deployment;
import com.example.serverless.infra.deploy.StackDeployer;
import com.example.serverless.infra.deploy.StackOutputs;
import com.example.serverless.infra.deploy.TargetClients;
import com.example.serverless.infra.users.CognitoUsers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The whole stack on this machine (./run-local.sh): starts MiniStack, deploys infra/template.yaml with the
 * same deployer the E2E suite uses, creates a demo user, prints how to call it, and runs until Ctrl-C.
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path infra = Path.of(args.length > 0 ? args[0] : "infra").toAbsolutePath();
        Path work = infra.resolve("target");
        Path template = infra.resolve("template.yaml");
        // MiniStack registers a shutdown hook: Ctrl-C stops it and every function process it started.
        MiniStack miniStack = MiniStack.start(work);
        LocalTarget target = new LocalTarget(miniStack, work.resolve("lambda-runtime-interface-client"), work);
        StackOutputs outputs = new StackDeployer(target).deploy(new Deployment("local", template,
                LocalTarget.parameters(template), "local-deployment", Duration.ofMinutes(5)));

        String password = "Demo-" + UUID.randomUUID().toString().substring(0, 12) + "9A";
        TargetClients clients = new TargetClients(target);
        // SES sends only from verified identities: the blog example below verifies the stack's sender first.
        String sender = clients.cloudFormation().describeStacks(b -> b.stackName(outputs.stackName())).stacks().get(0)
                .parameters().stream().filter(p -> p.parameterKey().equals("BlogSenderEmail")).findFirst()
                .orElseThrow().parameterValue();
        CognitoUsers users = new CognitoUsers(clients.cognito(), outputs.get("UserPoolId"),
                outputs.get("UserPoolClientId"));
        CognitoUsers.SignedInUser demo = users.create("demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", password);

        URI endpoint = miniStack.endpoint();
        URI api = target.httpApiBaseUrl(outputs.get("ApiUrl"));
        StringBuilder out = new StringBuilder("\nThe stack runs on MiniStack at ").append(endpoint)
                .append(" (log: ").append(miniStack.log()).append(")\n\nOutputs:\n");
        new TreeMap<>(outputs.values()).forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
        out.append("  (ApiUrl is served locally at ").append(api).append(")\n\n")
                .append("Demo user: ").append(demo.email()).append("  password: ").append(password).append("\n\n")
                .append("""
                        Try it (any AWS CLI v2; credentials are not checked):
                          export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=%s
                          TOKEN=$(aws --endpoint-url %s cognito-idp initiate-auth --client-id %s \\
                            --auth-flow USER_PASSWORD_AUTH --auth-parameters 'USERNAME=%s,PASSWORD=%s' \\
                            --query AuthenticationResult.AccessToken --output text)
                          curl -s -X POST '%s/todos' -H "Authorization: Bearer $TOKEN" \\
                            -H 'Content-Type: application/json' -d '{"title":"Try MiniStack"}'
                          curl -s '%s/todos' -H "Authorization: Bearer $TOKEN"
                          aws --endpoint-url %s dynamodb scan --table-name %s

                        Thumbnails: upload an image, then list the thumbnails bucket
                          aws --endpoint-url %s s3 cp photo.jpg s3://%s/holiday/photo.jpg
                          aws --endpoint-url %s s3 ls s3://%s --recursive

                        Metadata sync: put or delete any object, then read the index
                          aws --endpoint-url %s s3 cp notes.txt s3://%s/docs/notes.txt
                          aws --endpoint-url %s dynamodb scan --table-name %s

                        Blog: a verified sender, a confirmed subscriber, a published post, then the mail SES sent
                          aws --endpoint-url %s sesv2 create-email-identity --email-identity %s
                          aws --endpoint-url %s dynamodb put-item --table-name %s --item \\
                            '{"subscriberId":{"S":"s1"},"email":{"S":"reader@example.com"},"status":{"S":"confirmed"}}'
                          aws --endpoint-url %s dynamodb put-item --table-name %s --item \\
                            '{"postId":{"S":"p1"},"title":{"S":"Hello"},"summary":{"S":"First post"},"status":{"S":"PUBLISHED"}}'
                          curl -s %s/_ministack/ses/messages

                        Ctrl-C stops MiniStack and every function process.
                        """.formatted(LocalTarget.REGION.id(), endpoint, outputs.get("UserPoolClientId"), demo.email(),
                        password, api, api, endpoint, outputs.get("TodosTableName"),
                        endpoint, outputs.get("UploadsBucketName"), endpoint, outputs.get("ThumbnailsBucketName"),
                        endpoint, outputs.get("MetadataSourceBucketName"), endpoint, outputs.get("MetadataTableName"),
                        endpoint, sender,
                        endpoint, outputs.get("SubscribersTableName"), endpoint, outputs.get("PostsTableName"),
                        endpoint));
        System.out.println(out);
        new CountDownLatch(1).await();
    }
}
