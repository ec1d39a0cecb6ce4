package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.example.serverless.infra.cost.CostReport;
import com.example.serverless.infra.cost.FunctionCost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fan-out at list scale through the deployed stack: thousands of confirmed subscribers of one topic, a post of
 * that topic published, blog-fanout's pages on the send queue, blog-notifier's emails counted in the local cloud's
 * SES. The subscribers are written for the test and removed after it. On AWS this runs only with
 * {@code -De2e.bulk=true}: a sandboxed account sends one email per second, an hour for the list.
 *
 * <p>The benchmark (off by default: {@code -Dit.test=BlogFanOutIT -De2e.benchmark=true}) prints the throughput and
 * the invocations and billed duration per 1,000 recipients, from the functions' REPORT lines; it asserts nothing
 * about time.
 */
@ExtendWith(E2eStack.class)
class BlogFanOutIT {

    private static final int LIST_SIZE = 3000;
    private static final Duration DELIVERY = Duration.ofMinutes(8);

    private static E2eStack.Stack stack;
    private static DynamoDbClient dynamoDb;
    private static final List<String> subscriberIds = new ArrayList<>();
    private static final List<String> postIds = new ArrayList<>();

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        Assumptions.assumeTrue(stack.isLocal() || Boolean.getBoolean("e2e.bulk"),
                "thousands of emails: on AWS only with -De2e.bulk=true (a sandboxed account sends one per second)");
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
        BlogNotifierIT.verifySender(stack);
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (dynamoDb == null) {
            return;
        }
        String ledger = stack.outputs().get("EmailLedgerTableName");
        for (String postId : postIds) {
            dynamoDb.deleteItem(b -> b.tableName(stack.outputs().get("PostsTableName")).key(Map.of("postId", s(postId))));
            List<Map<String, AttributeValue>> keys = dynamoDb.queryPaginator(b -> b.tableName(ledger)
                            .keyConditionExpression("postId = :post").expressionAttributeValues(Map.of(":post", s(postId)))
                            .projectionExpression("postId, subscriberId"))
                    .items().stream().toList();
            batchWrite(ledger, keys.stream().map(key -> WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(key).build()).build()).toList());
        }
        batchWrite(stack.outputs().get("SubscribersTableName"), subscriberIds.stream().map(id -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(Map.of("subscriberId", s(id))).build()).build()).toList());
    }

    @Test
    void aListOfThreeThousandIsAnnouncedInFullExactlyOnceEach() {
        Announced announced = announceToNewList(LIST_SIZE);

        SentMail mail = SentMail.of(stack);
        Map<String, Long> perRecipient = mail.all().stream()
                .filter(m -> m.subject().contains(announced.title()))
                .flatMap(m -> m.to().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> missingOrRepeated = announced.addresses().stream()
                .filter(address -> perRecipient.getOrDefault(address, 0L) != 1L).toList();
        assertThat("each of the " + LIST_SIZE + " got exactly one email", missingOrRepeated, empty());
        assertThat("the announcement went to the list (and to the suite's other all-topics readers), nobody twice",
                perRecipient.values().stream().filter(count -> count != 1L).toList(), empty());
        assertThat("nothing waits in the send DLQ", queueDepth(stack.outputs().get("BlogSendDlqUrl")), equalTo(0));
    }

    @Test
    @EnabledIfSystemProperty(named = "e2e.benchmark", matches = "true")
    void announcementThroughput() {
        Map<String, FunctionCost> before = costs();
        Announced announced = announceToNewList(LIST_SIZE);
        Map<String, FunctionCost> after = costs();

        double seconds = announced.publishedToLastSent().toMillis() / 1000.0;
        System.out.printf("%nAnnouncement fan-out on %s: %d recipients, published -> last email sent in %.1f s = %.1f emails/s%n",
                stack.targetName(), LIST_SIZE, seconds, LIST_SIZE / seconds);
        System.out.printf("%-22s %12s %18s%n", "per 1,000 recipients", "invocations", "billed ms");
        for (String function : List.of("BlogFanOutFunction", "BlogNotifierFunction")) {
            FunctionCost was = before.get(function);
            FunctionCost is = after.get(function);
            int invocations = is.invocations() - was.invocations();
            double billed = billedMillis(is) - billedMillis(was);
            System.out.printf("%-22s %12.1f %18.0f%n", function, invocations * 1000.0 / LIST_SIZE, billed * 1000.0 / LIST_SIZE);
        }
        if (stack.isLocal()) {
            System.out.println("(local figures: MiniStack's durations include process start and queueing)");
        }
    }

    private record Announced(String title, List<String> addresses, Duration publishedToLastSent) {
    }

    /** A new list of {@code size} confirmed subscribers of a new topic, a post of it published, awaited until all are sent. */
    private static Announced announceToNewList(int size) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "bulk-" + run;
        List<String> addresses = new ArrayList<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "bulk-" + run + "-" + i;
            String address = "success+" + id + "@simulator.amazonses.com";
            subscriberIds.add(id);
            addresses.add(address);
            Map<String, AttributeValue> item = Map.of("subscriberId", s(id), "email", s(address),
                    "status", s("confirmed"), "tags", AttributeValue.fromSs(List.of(tag)));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        batchWrite(stack.outputs().get("SubscribersTableName"), writes);
        String postId = "bulk-post-" + run;
        String title = "To the whole list " + run;
        postIds.add(postId);

        long published = System.nanoTime();
        dynamoDb.putItem(b -> b.tableName(stack.outputs().get("PostsTableName")).item(Map.of("postId", s(postId),
                "title", s(title), "summary", s("A post to thousands."), "status", s("PUBLISHED"),
                "tags", AttributeValue.fromSs(List.of(tag)))));
        Eventually.await("all " + size + " emails of " + postId + " sent", DELIVERY, () -> sentCount(postId),
                count -> count >= size);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - published);
        // Whatever the queue still holds for this post (a redelivery, a duplicate page) is handled before counting.
        Eventually.await("the send queue drained", DELIVERY, () -> queueDepth(stack.outputs().get("BlogSendQueueUrl")),
                depth -> depth == 0);
        return new Announced(title, addresses, elapsed);
    }

    /** Ledger entries of the post in state sent. */
    private static int sentCount(String postId) {
        return dynamoDb.queryPaginator(b -> b.tableName(stack.outputs().get("EmailLedgerTableName")).consistentRead(true)
                        .keyConditionExpression("postId = :post").filterExpression("#state = :sent")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":post", s(postId), ":sent", s("sent")))
                        .select(Select.COUNT))
                .stream().mapToInt(page -> page.count()).sum();
    }

    /** Visible plus in-flight messages. */
    private static int queueDepth(String queueUrl) {
        try (SqsClient sqs = stack.clients().configure(SqsClient.builder())) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }
    }

    private static double billedMillis(FunctionCost cost) {
        return cost.invocations() == 0 ? 0 : cost.invocations() * cost.meanBilledMillis();
    }

    private static Map<String, FunctionCost> costs() {
        return CostReport.read(stack.clients(), stack.outputs().stackName()).stream()
                .collect(Collectors.toMap(FunctionCost::function, cost -> cost));
    }

    /** BatchWriteItem, 25 at a time, with what DynamoDB leaves unprocessed written again. */
    private static void batchWrite(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + 25));
            Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, chunk));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
