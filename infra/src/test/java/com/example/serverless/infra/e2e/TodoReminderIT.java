package com.example.serverless.infra.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import com.example.serverless.localcloud.SentEmail;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Todo reminders fired by the deployed schedule (EventBridge Scheduler -> the function's alias): a todo due tomorrow,
 * created through the todo API, is mailed to its owner once, and not again by a later run; a done todo never. Needs a
 * schedule that fires within the test's patience: the local deploy sets {@link #LOCAL_SCHEDULE}; elsewhere the class
 * is skipped unless the stack runs a rate() schedule.
 */
@ExtendWith(E2eStack.class)
class TodoReminderIT {

    static final String LOCAL_SCHEDULE = "rate(1 minute)";
    /** A tick of rate(1 minute), the cold start of the reminder function and of the todo API before it. */
    private static final Duration REMINDER = Duration.ofSeconds(180);

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static SentMail mail;
    private static final List<String> todoIds = new ArrayList<>();

    @BeforeAll
    static void prepare(E2eStack.Stack deployed) {
        stack = deployed;
        mail = SentMail.of(stack);
        String schedule = stack.parameter("TodoReminderSchedule");
        Assumptions.assumeTrue(schedule.startsWith("rate("),
                "the stack reminds on " + schedule + ": deploy it with a rate() schedule to run this class");
        BlogNotifierIT.verifySender(stack);
        users = new TestUsers(stack);
    }

    /** The todos go with their users (TestUsers); their ledger entries are removed here. */
    @AfterAll
    static void removeWhatThisClassWrote() {
        if (users == null) {
            return;
        }
        users.close();
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            String ledger = stack.outputs().get("ReminderLedgerTableName");
            for (String todoId : todoIds) {
                dynamoDb.queryPaginator(b -> b.tableName(ledger).keyConditionExpression("todoId = :todo")
                                .expressionAttributeValues(Map.of(":todo", AttributeValue.fromS(todoId))))
                        .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(ledger)
                                .key(Map.of("todoId", item.get("todoId"), "dueDate", item.get("dueDate")))));
            }
        }
    }

    @Test
    void aTodoDueTomorrowIsRemindedOnceByTheScheduleAndADoneTodoNever() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        SignedInUser ada = users.signUp("ada");
        String doneTitle = "Already done " + run;
        String done = createTodo(ada, doneTitle, tomorrow.plusDays(10));
        // Done first, due tomorrow after: no tick can see it open and due.
        api(ada).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("status", "done")).patch("/todos/" + done).then().statusCode(200);
        api(ada).contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("dueDate", tomorrow.toString())).patch("/todos/" + done).then().statusCode(200);
        String title = "Pay <rent> " + run;
        String todoId = createTodo(ada, title, tomorrow);

        List<SentEmail> reminders = Eventually.await("the reminder of " + todoId, REMINDER,
                () -> mailAbout(ada, title), found -> !found.isEmpty());
        assertThat(reminders.get(0).subject(), equalTo("Due tomorrow: " + title));
        assertThat(reminders.get(0).html(), containsString("Pay &lt;rent&gt; " + run));

        // Another run, started as a tick starts one (the schedule's firing is shown above; waiting for the next
        // tick would cost a minute): a run that sees the todo again sends nothing new.
        String laterTitle = "Later " + run;
        createTodo(ada, laterTitle, tomorrow);
        runOnceMore();
        assertThat("the run saw the todos due tomorrow", mailAbout(ada, laterTitle), hasSize(1));

        assertThat("one reminder, whatever the number of runs", mailAbout(ada, title), hasSize(1));
        assertThat("a done todo gets none", mailAbout(ada, doneTitle), empty());
        try (DynamoDbClient dynamoDb = stack.clients().configure(DynamoDbClient.builder())) {
            Map<String, AttributeValue> entry = dynamoDb.getItem(b -> b.tableName(stack.outputs().get("ReminderLedgerTableName"))
                    .consistentRead(true).key(Map.of("todoId", AttributeValue.fromS(todoId),
                            "dueDate", AttributeValue.fromS(tomorrow.toString())))).item();
            assertThat(entry.get("state").s(), equalTo("sent"));
        }
    }

    /** One synchronous run of the function's alias with the schedule's payload; a throttled call (one run at a time) waits. */
    private static void runOnceMore() {
        String function = new FunctionRoles(stack).functionName("TodoRemindersFunction");
        try (LambdaClient lambda = stack.clients().configure(LambdaClient.builder())) {
            InvokeResponse response = Eventually.await("a run of " + function, REMINDER, () -> {
                try {
                    return lambda.invoke(b -> b.functionName(function).qualifier("live")
                            .payload(SdkBytes.fromUtf8String("{\"scheduledTime\": \"" + Instant.now() + "\"}")));
                } catch (TooManyRequestsException aRunIsUnderWay) {
                    return null;
                }
            }, invoked -> invoked != null);
            assertThat(response.payload().asUtf8String(), response.functionError(), nullValue());
        }
    }

    private static String createTodo(SignedInUser user, String title, LocalDate dueDate) {
        String id = api(user).body(Map.of("title", title, "dueDate", dueDate.toString()))
                .post("/todos").then().statusCode(201).extract().path("id");
        todoIds.add(id);
        return id;
    }

    /** The todo API as this user, through the stack's HTTP API. */
    private static RequestSpecification api(SignedInUser user) {
        URI base = stack.apiBaseUrl();
        return given().baseUri(base.getScheme() + "://" + base.getAuthority()).basePath(base.getPath())
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + user.accessToken());
    }

    private static List<SentEmail> mailAbout(SignedInUser user, String title) {
        return mail.to(user.email()).stream().filter(email -> email.subject().endsWith(": " + title)).toList();
    }
}
