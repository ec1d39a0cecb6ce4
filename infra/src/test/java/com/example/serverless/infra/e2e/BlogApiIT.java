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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    private static BlogTestData written;

    @BeforeAll
    static void deployed(E2eStack.Stack deployed) {
        stack = deployed;
        mail = SentMail.of(stack);
        BlogNotifierIT.verifySender(stack);
        users = new TestUsers(stack);
        written = new BlogTestData(stack);
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (written != null) {
            written.close();
            users.close();
        }
    }

    @Test
    void aReaderSubscribesConfirmsGetsOneAnnouncementAndUnsubscribesInOneClick() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "e2e-" + run;
        String reader = "reader-" + run + "@example.com";
        String control = "control-" + run + "@example.com";
        written.subscriber(reader);
        written.subscriber(control);
        SignedInUser author = users.signUpInGroup("author-" + run, "authors");

        for (String address : List.of(reader, control)) {
            anonymous().body(Map.of("email", address, "tags", List.of(tag))).post("/subscriptions").then().statusCode(202);
            SentEmail confirmation = Eventually.await("the confirmation email to " + address, DELIVERY,
                    () -> mail.to(address), mails -> !mails.isEmpty()).getFirst();
            anonymous().body(Map.of("token", SentMail.tokenAfter(confirmation, "/confirm?token=")))
                    .post("/subscriptions/confirmation").then().statusCode(200);
        }

        String first = publish(author, "first-" + run, "First post " + run, tag);
        SentEmail announcement = Eventually.await("the announcement of " + first + " to the reader", DELIVERY,
                () -> mail.announcements(reader, "First post " + run), mails -> !mails.isEmpty()).getFirst();

        String unsubscribeToken = SentMail.tokenAfter(announcement, "/unsubscribe?token=");
        anonymous().contentType(ContentType.URLENC).accept(ContentType.HTML).body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?token=" + unsubscribeToken).then().statusCode(200);

        String second = publish(author, "second-" + run, "Second post " + run, tag);
        Eventually.await("the announcement of " + second + " to the control subscriber", DELIVERY,
                () -> mail.announcements(control, "Second post " + run), mails -> !mails.isEmpty());

        assertThat("one announcement of the first post", mail.announcements(reader, "First post " + run), hasSize(1));
        assertThat("nothing after the one-click unsubscribe", mail.announcements(reader, "Second post " + run), empty());
        anonymous().get("/posts/" + second).then().statusCode(200).body("title", equalTo("Second post " + run));
    }

    /** Written as a draft and published, through blog-api as the author. */
    private static String publish(SignedInUser author, String slug, String title, String tag) {
        written.post(slug);
        as(author).body(Map.of("slug", slug, "title", title, "summary", "About " + title, "body", "<p>" + title + "</p>",
                "tags", List.of(tag))).post("/posts").then().statusCode(201);
        as(author).header("If-Match", "\"1\"").post("/posts/" + slug + "/publication").then().statusCode(200)
                .body("status", equalTo("published"));
        return slug;
    }

    private static RequestSpecification as(SignedInUser user) {
        return anonymous().header("Authorization", "Bearer " + user.accessToken());
    }

    private static RequestSpecification anonymous() {
        URI base = stack.target().httpApiBaseUrl(stack.outputs().get("BlogApiUrl"));
        return given().baseUri(base.getScheme() + "://" + base.getAuthority()).basePath(base.getPath())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
