package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Each function's execution role may do what the function needs and nothing beside it, proven against the deployed
 * roles: on the local target by acting as the role (a session of it) against MiniStack's enforced IAM, on AWS with
 * the IAM policy simulator on the same role, action and resource. Every denial is paired with a grant of the same
 * role, so a broken role (or an IAM that allows everything) fails here.
 */
@ExtendWith(E2eStack.class)
class LeastPrivilegeIT {

    /** What a role is asked to do: the action, the resource ARN it acts on, and the call that does it. */
    private record Probe(String function, String action, String resourceArn, boolean allowed,
                         Consumer<AwsCredentialsProvider> call) {

        String name() {
            return function + (allowed ? " may " : " may not ") + action + " on " + resourceArn;
        }
    }

    private static E2eStack.Stack stack;
    private static FunctionRoles roles;
    private static S3Client s3;
    private static final String OBJECT_KEY = "e2e-least-privilege/" + UUID.randomUUID() + ".txt";

    @BeforeAll
    static void seedObjects(E2eStack.Stack deployed) {
        stack = deployed;
        Assumptions.assumeFalse("localstack".equals(stack.targetName()),
                "LocalStack's community edition does not enforce IAM: nothing to prove there");
        roles = new FunctionRoles(stack);
        s3 = stack.clients().s3();
        // Objects that exist, so that a 403 can only mean "not allowed" (a missing key may answer 403 as well).
        for (String bucket : List.of("UploadsBucketName", "AttachmentsBucketName", "MetadataSourceBucketName")) {
            s3.putObject(b -> b.bucket(stack.outputs().get(bucket)).key(OBJECT_KEY), RequestBody.fromString("probe"));
        }
    }

    @AfterAll
    static void removeObjects() {
        if (s3 == null) {
            return;
        }
        for (String bucket : List.of("UploadsBucketName", "AttachmentsBucketName", "MetadataSourceBucketName")) {
            Buckets.deleteEveryVersion(s3, stack.outputs().get(bucket), OBJECT_KEY);
        }
    }

    private static List<Probe> probes() {
        return List.of(
                readItem("TodoFunction", "TodosTableName", true),
                scanTable("TodoFunction", "TodosTableName", false),
                secretValue("TodoFunction", "TodoCursorKeysArn", true),
                secretValue("TodoFunction", "BlogLinkKeysArn", false),
                getObject("TodoFunction", "AttachmentsBucketName", OBJECT_KEY, false),
                getObject("TodoFunction", "UploadsBucketName", OBJECT_KEY, false),
                readItem("TodoFunction", "SubscribersTableName", false),

                getObject("ThumbnailFunction", "UploadsBucketName", OBJECT_KEY, true),
                writeItem("ThumbnailFunction", "TodosTableName", false),
                getObject("ThumbnailFunction", "AttachmentsBucketName", OBJECT_KEY, false),
                putObject("ThumbnailFunction", "UploadsBucketName", false),
                queueAttributes("ThumbnailFunction", "ThumbnailQueueUrl", true),
                queueAttributes("ThumbnailFunction", "MetadataQueueUrl", false),

                readItem("MetadataSyncFunction", "MetadataTableName", true),
                scanTable("MetadataSyncFunction", "MetadataTableName", false),
                queueAttributes("MetadataSyncFunction", "MetadataQueueUrl", true),
                queueAttributes("MetadataSyncFunction", "ThumbnailDlqUrl", false),
                getObject("MetadataSyncFunction", "MetadataSourceBucketName", OBJECT_KEY, true),
                readItem("MetadataSyncFunction", "SubscribersTableName", false),
                putObject("MetadataSyncFunction", "MetadataSourceBucketName", false),

                queryIndex("BlogFanOutFunction", "SubscribersTableName", "byStatus", "status", true),
                readItem("BlogFanOutFunction", "SubscribersTableName", false),
                writeItem("BlogFanOutFunction", "PostsTableName", false),
                queueAttributes("BlogFanOutFunction", "BlogSendQueueUrl", false),
                secretValue("BlogFanOutFunction", "BlogLinkKeysArn", false),

                batchReadItems("BlogNotifierFunction", "SubscribersTableName", true),
                queryIndex("BlogNotifierFunction", "SubscribersTableName", "byStatus", "status", false),
                readItem("BlogNotifierFunction", "SubscribersTableName", false),
                queueAttributes("BlogNotifierFunction", "BlogSendQueueUrl", true),
                queueAttributes("BlogNotifierFunction", "BlogFeedbackQueueUrl", false),
                writeItem("BlogNotifierFunction", "EmailLedgerTableName", true),
                secretValue("BlogNotifierFunction", "BlogLinkKeysArn", true),
                secretValue("BlogNotifierFunction", "TodoCursorKeysArn", false),
                secretValue("ThumbnailFunction", "TodoCursorKeysArn", false),
                writeItem("BlogNotifierFunction", "SubscribersTableName", false),
                writeItem("BlogNotifierFunction", "PostsTableName", false),
                readItem("BlogNotifierFunction", "TodosTableName", false),
                getObject("BlogNotifierFunction", "AttachmentsBucketName", OBJECT_KEY, false),

                readItem("BlogApiFunction", "PostsTableName", true),
                queryIndex("BlogApiFunction", "PostsTableName", "byPublication", "status", true),
                readItem("BlogApiFunction", "SubscribersTableName", true),
                writeItem("BlogApiFunction", "EmailLedgerTableName", false),
                readItem("BlogApiFunction", "TodosTableName", false),
                secretValue("BlogApiFunction", "BlogLinkKeysArn", true),
                secretValue("BlogApiFunction", "TodoCursorKeysArn", false),

                readItem("BlogFeedbackFunction", "SubscribersTableName", false),
                writeItem("BlogFeedbackFunction", "SubscribersTableName", false),
                queueAttributes("BlogFeedbackFunction", "BlogFeedbackQueueUrl", true),
                queueAttributes("BlogFeedbackFunction", "BlogFeedbackDlqUrl", false),
                secretValue("BlogFeedbackFunction", "BlogLinkKeysArn", false),

                queryIndex("BlogLedgerSweepFunction", "EmailLedgerTableName", "byPendingClaim", "pendingClaim", true),
                readItem("BlogLedgerSweepFunction", "EmailLedgerTableName", false),
                writeItem("BlogLedgerSweepFunction", "EmailLedgerTableName", false),
                queryIndex("BlogLedgerSweepFunction", "SubscribersTableName", "byStatus", "status", false),

                deleteObject("TodoAttachmentsCleanupFunction", "AttachmentsBucketName",
                        "users/" + UUID.randomUUID() + "/todos/e2e-least-privilege/a.txt", true),
                deleteObject("TodoAttachmentsCleanupFunction", "AttachmentsBucketName", OBJECT_KEY, false),
                deleteObject("TodoAttachmentsCleanupFunction", "UploadsBucketName", OBJECT_KEY, false),
                getObject("TodoAttachmentsCleanupFunction", "AttachmentsBucketName", OBJECT_KEY, false),
                readItem("TodoAttachmentsCleanupFunction", "TodosTableName", false),
                queryIndex("TodoRemindersFunction", "TodosTableName", "byDueDate", "dueDate", true),
                readItem("TodoRemindersFunction", "TodosTableName", false),
                scanTable("TodoRemindersFunction", "TodosTableName", false),
                writeItem("TodoRemindersFunction", "TodosTableName", false),
                writeItem("TodoRemindersFunction", "ReminderLedgerTableName", true),
                readItem("TodoRemindersFunction", "ReminderLedgerTableName", false),
                queryIndex("TodoRemindersFunction", "SubscribersTableName", "byStatus", "status", false),
                writeItem("TodoRemindersFunction", "EmailLedgerTableName", false),
                secretValue("TodoRemindersFunction", "BlogLinkKeysArn", false),
                secretValue("TodoRemindersFunction", "TodoCursorKeysArn", false),
                listUsers("TodoRemindersFunction", true),
                listUsers("TodoFunction", false),
                getObject("TodoRemindersFunction", "AttachmentsBucketName", OBJECT_KEY, false),

                // What the event source mappings do as the function's role; on AWS only (see check).
                pollerReadsStream("TodoAttachmentsCleanupFunction", "TodosTableName", true),
                pollerReadsStream("TodoAttachmentsCleanupFunction", "PostsTableName", false),
                pollerReadsStream("BlogFanOutFunction", "PostsTableName", true),
                pollerReadsStream("BlogNotifierFunction", "PostsTableName", false),
                pollerReadsStream("MetadataSyncFunction", "PostsTableName", false));
    }

    @TestFactory
    List<DynamicTest> eachFunctionRoleMayDoWhatItsFunctionNeedsAndNothingElse() {
        return probes().stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> check(probe))).toList();
    }

    @Test
    void theTemplatesTlsOnlyBucketPoliciesDenyARoleThatCallsWithoutTls() {
        Assumptions.assumeTrue(stack.isLocal(), "only the local cloud offers a listener without TLS to try it on");
        AwsCredentialsProvider todoRole = roles.session("TodoFunction");
        String bucket = stack.outputs().get("AttachmentsBucketName");
        String key = "users/" + UUID.randomUUID() + "/tls-only.txt";
        try (S3Client overTls = stack.clients().configure(S3Client.builder(), todoRole);
             S3Client withoutTls = stack.clients().configure(S3Client.builder(),
                     stack.miniStack().orElseThrow().plainHttpEndpoint(), todoRole)) {
            S3Exception denied = assertThrows(S3Exception.class,
                    () -> withoutTls.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("plain")));
            assertThat(denied.awsErrorDetails().errorCode(), equalTo("AccessDenied"));
            overTls.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("tls"));
            assertThat("control: the same role over TLS", s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String(),
                    equalTo("tls"));
        } finally {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        }
    }

    private static void check(Probe probe) {
        if (stack.isLocal() && probe.call() == null) {
            Assumptions.abort("MiniStack authorises this call against \"*\" rather than the resource, and its pollers make "
                    + "it without any check (infra/README.md, fidelity): simulated on AWS only");
        }
        if (stack.isLocal()) {
            AwsCredentialsProvider session = roles.session(probe.function());
            if (probe.allowed()) {
                probe.call().accept(session);
            } else {
                AwsServiceException denied = assertThrows(AwsServiceException.class, () -> probe.call().accept(session));
                assertThat(denied.getMessage(), denied.awsErrorDetails().errorCode(), startsWith("AccessDenied"));
            }
            return;
        }
        try (IamClient iam = stack.clients().configure(IamClient.builder())) {
            EvaluationResult result = iam.simulatePrincipalPolicy(b -> b.policySourceArn(roles.roleArn(probe.function()))
                    .actionNames(probe.action()).resourceArns(probe.resourceArn())).evaluationResults().getFirst();
            assertThat(probe.name(), result.evalDecisionAsString(), equalTo(probe.allowed() ? "allowed" : "implicitDeny"));
        }
    }

    private static Probe readItem(String function, String tableOutput, boolean allowed) {
        String table = stack.outputs().get(tableOutput);
        Map<String, AttributeValue> key = unusedKey(table);
        return new Probe(function, "dynamodb:GetItem", tableArn(table), allowed, credentials -> {
            try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder(), credentials)) {
                dynamoDb.getItem(b -> b.tableName(table).key(key));
            }
        });
    }

    private static Probe batchReadItems(String function, String tableOutput, boolean allowed) {
        String table = stack.outputs().get(tableOutput);
        Map<String, AttributeValue> key = unusedKey(table);
        return new Probe(function, "dynamodb:BatchGetItem", tableArn(table), allowed, credentials -> {
            try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder(), credentials)) {
                dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(key).build())));
            }
        });
    }

    private static Probe writeItem(String function, String tableOutput, boolean allowed) {
        String table = stack.outputs().get(tableOutput);
        Map<String, AttributeValue> key = unusedKey(table);
        return new Probe(function, "dynamodb:PutItem", tableArn(table), allowed, credentials -> {
            try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder(), credentials)) {
                dynamoDb.putItem(b -> b.tableName(table).item(key));
            }
        });
    }

    private static Probe scanTable(String function, String tableOutput, boolean allowed) {
        String table = stack.outputs().get(tableOutput);
        return new Probe(function, "dynamodb:Scan", tableArn(table), allowed, credentials -> {
            try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder(), credentials)) {
                dynamoDb.scan(b -> b.tableName(table).limit(1));
            }
        });
    }

    private static Probe queryIndex(String function, String tableOutput, String index, String hashKey, boolean allowed) {
        String table = stack.outputs().get(tableOutput);
        return new Probe(function, "dynamodb:Query", tableArn(table) + "/index/" + index, allowed, credentials -> {
            try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder(), credentials)) {
                dynamoDb.query(b -> b.tableName(table).indexName(index).limit(1)
                        .keyConditionExpression("#key = :value")
                        .expressionAttributeNames(Map.of("#key", hashKey))
                        .expressionAttributeValues(Map.of(":value", AttributeValue.fromS("e2e-least-privilege"))));
            }
        });
    }

    /** GetRecords on the table's stream, as Lambda's poller calls it: no local call, the simulator decides. */
    private static Probe pollerReadsStream(String function, String tableOutput, boolean allowed) {
        String streamArn;
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            streamArn = dynamoDb.describeTable(b -> b.tableName(stack.outputs().get(tableOutput))).table().latestStreamArn();
        }
        return new Probe(function, "dynamodb:GetRecords", streamArn, allowed, null);
    }

    private static Probe listUsers(String function, boolean allowed) {
        String poolId = stack.outputs().get("UserPoolId");
        String poolArn;
        try (CognitoIdentityProviderClient cognito = stack.clients().cognito()) {
            poolArn = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().arn();
        }
        return new Probe(function, "cognito-idp:ListUsers", poolArn, allowed, credentials -> {
            try (CognitoIdentityProviderClient cognito = stack.clients().configure(CognitoIdentityProviderClient.builder(),
                    credentials)) {
                cognito.listUsers(b -> b.userPoolId(poolId).filter("sub = \"e2e-least-privilege\"").limit(1));
            }
        });
    }

    private static Probe secretValue(String function, String secretArnOutput, boolean allowed) {
        String secretArn = stack.outputs().get(secretArnOutput);
        return new Probe(function, "secretsmanager:GetSecretValue", secretArn, allowed, credentials -> {
            try (SecretsManagerClient secretsManager = stack.clients().configure(SecretsManagerClient.builder(), credentials)) {
                secretsManager.getSecretValue(b -> b.secretId(secretArn));
            }
        });
    }

    /** GetQueueAttributes: what a mapping's poller asks first, and harmless (a receive would take messages from it). */
    private static Probe queueAttributes(String function, String queueUrlOutput, boolean allowed) {
        String queueUrl = stack.outputs().get(queueUrlOutput);
        String queueArn;
        try (SqsClient sqs = stack.clients().configure(SqsClient.builder())) {
            queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        }
        return new Probe(function, "sqs:GetQueueAttributes", queueArn, allowed, credentials -> {
            try (SqsClient sqs = stack.clients().configure(SqsClient.builder(), credentials)) {
                sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            }
        });
    }

    private static Probe getObject(String function, String bucketOutput, String key, boolean allowed) {
        String bucket = stack.outputs().get(bucketOutput);
        return new Probe(function, "s3:GetObject", "arn:aws:s3:::" + bucket + "/" + key, allowed, credentials -> {
            try (S3Client client = stack.clients().configure(S3Client.builder(), credentials)) {
                client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            }
        });
    }

    private static Probe putObject(String function, String bucketOutput, boolean allowed) {
        String bucket = stack.outputs().get(bucketOutput);
        String key = "e2e-least-privilege/denied-" + UUID.randomUUID();
        return new Probe(function, "s3:PutObject", "arn:aws:s3:::" + bucket + "/" + key, allowed, credentials -> {
            try (S3Client client = stack.clients().configure(S3Client.builder(), credentials)) {
                client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("must not be written"));
            }
        });
    }

    /**
     * DeleteObject: a denied one is 403 whether the key exists or not; an allowed one of a missing key succeeds (its
     * delete marker is expired by the bucket's lifecycle rule).
     */
    private static Probe deleteObject(String function, String bucketOutput, String key, boolean allowed) {
        String bucket = stack.outputs().get(bucketOutput);
        return new Probe(function, "s3:DeleteObject", "arn:aws:s3:::" + bucket + "/" + key, allowed, credentials -> {
            try (S3Client client = stack.clients().configure(S3Client.builder(), credentials)) {
                client.deleteObject(b -> b.bucket(bucket).key(key));
            }
        });
    }

    private static String tableArn(String table) {
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            return dynamoDb.describeTable(b -> b.tableName(table)).table().tableArn();
        }
    }

    /** A key of the table's schema (read as the root) that names no item: a read finds nothing, a denied write adds nothing. */
    private static Map<String, AttributeValue> unusedKey(String table) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            dynamoDb.describeTable(b -> b.tableName(table)).table().keySchema().forEach(element ->
                    key.put(element.attributeName(), AttributeValue.fromS("e2e-least-privilege-" + UUID.randomUUID())));
        }
        return key;
    }
}
