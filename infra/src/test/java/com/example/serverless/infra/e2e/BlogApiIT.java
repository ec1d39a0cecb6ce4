package com.example.serverless.infra.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import com.example.serverless.localcloud.SentEmail;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * MyBlog through the deployed stack, as its people use it: a reader subscribes through blog-api and confirms with the
 * link of the email SES sent; an author (Cognito group "authors") writes and publishes through blog-api; the posts
 * table's stream has blog-notifier announce it, once; the reader unsubscribes with the announcement's one-click link
 * and gets no later post. Needs readable sent mail (local, LocalStack); skipped on AWS with the reason.
 */
@ExtendWith(E2eStack.class)
class BlogApiIT {

    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private static E2eStack.Stack stack;
    private static SentMail mail;
    private static TestUsers users;
    private static DynamoDbClient dynamoDb;
    private static final List<String> posts = new ArrayList<>();
    private static final List<String> subscriberEmails = new ArrayList<>();

    @BeforeAll
    static void deployed(E2eStack.Stack deployed) {
        stack = deployed;
        mail = SentMail.of(stack);
        BlogNotifierIT.verifySender(stack);
        users = new TestUsers(stack);
        dynamoDb = stack.clients().configure(DynamoDbClient.builder());
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (dynamoDb == null) {
            return;
        }
        String ledger = stack.outputs().get("EmailLedgerTableName");
        String subscribers = stack.outputs().get("SubscribersTableName");
        for (String slug : posts) {
            dynamoDb.deleteItem(b -> b.tableName(stack.outputs().get("PostsTableName")).key(Map.of("postId", s(slug))));
            dynamoDb.queryPaginator(b -> b.tableName(ledger).keyConditionExpression("postId = :post")
                            .expressionAttributeValues(Map.of(":post", s(slug))))
                    .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(ledger)
                            .key(Map.of("postId", item.get("postId"), "subscriberId", item.get("subscriberId")))));
        }
        for (String email : subscriberEmails) {
            dynamoDb.scanPaginator(b -> b.tableName(subscribers).filterExpression("email = :email")
                            .expressionAttributeValues(Map.of(":email", s(email))))
                    .items().forEach(item -> dynamoDb.deleteItem(b -> b.tableName(subscribers)
                            .key(Map.of("subscriberId", item.get("subscriberId")))));
        }
        users.close();
        dynamoDb.close();
    }

    @Test
    void aReaderSubscribesConfirmsGetsOneAnnouncementAndUnsubscribesInOneClick() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "e2e-" + run;
        String reader = "reader-" + run + "@example.com";
        String control = "control-" + run + "@example.com";
        subscriberEmails.addAll(List.of(reader, control));
        SignedInUser author = users.signUpInGroup("author-" + run, "authors");

        for (String address : List.of(reader, control)) {
            anonymous().body(Map.of("email", address, "tags", List.of(tag))).post("/subscriptions").then().statusCode(202);
            SentEmail confirmation = Eventually.await("the confirmation email to " + address, DELIVERY,
                    () -> mail.to(address), mails -> !mails.isEmpty()).getFirst();
            anonymous().body(Map.of("token", tokenAfter(confirmation, "/confirm?token=")))
                    .post("/subscriptions/confirmation").then().statusCode(200);
        }

        String first = publish(author, "first-" + run, "First post " + run, tag);
        SentEmail announcement = Eventually.await("the announcement of " + first + " to the reader", DELIVERY,
                () -> announcements(reader, "First post " + run), mails -> !mails.isEmpty()).getFirst();

        String unsubscribeToken = tokenAfter(announcement, "/unsubscribe?token=");
        anonymous().contentType(ContentType.URLENC).accept(ContentType.HTML).body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?token=" + unsubscribeToken).then().statusCode(200);

        String second = publish(author, "second-" + run, "Second post " + run, tag);
        Eventually.await("the announcement of " + second + " to the control subscriber", DELIVERY,
                () -> announcements(control, "Second post " + run), mails -> !mails.isEmpty());

        assertThat("one announcement of the first post", announcements(reader, "First post " + run), hasSize(1));
        assertThat("nothing after the one-click unsubscribe", announcements(reader, "Second post " + run), empty());
        anonymous().get("/posts/" + second).then().statusCode(200).body("title", equalTo("Second post " + run));
    }

    /** Written as a draft and published, through blog-api as the author. */
    private static String publish(SignedInUser author, String slug, String title, String tag) {
        posts.add(slug);
        as(author).body(Map.of("slug", slug, "title", title, "summary", "About " + title, "body", "<p>" + title + "</p>",
                "tags", List.of(tag))).post("/posts").then().statusCode(201);
        as(author).header("If-Match", "\"1\"").post("/posts/" + slug + "/publication").then().statusCode(200)
                .body("status", equalTo("published"));
        return slug;
    }

    private static List<SentEmail> announcements(String address, String title) {
        return mail.to(address).stream().filter(m -> m.subject().equals("New on the blog: " + title)).toList();
    }

    /** The token of the first link in the text part that contains this marker. */
    private static String tokenAfter(SentEmail email, String marker) {
        String text = email.text();
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no link with " + marker + " in " + text);
        }
        String rest = text.substring(at + marker.length());
        return rest.split("[\\s>\"]", 2)[0];
    }

    private static RequestSpecification as(SignedInUser user) {
        return anonymous().header("Authorization", "Bearer " + user.accessToken());
    }

    private static RequestSpecification anonymous() {
        URI base = stack.target().httpApiBaseUrl(stack.outputs().get("BlogApiUrl"));
        return given().baseUri(base.getScheme() + "://" + base.getAuthority()).basePath(base.getPath())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
