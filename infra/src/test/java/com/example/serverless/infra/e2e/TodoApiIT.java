package com.example.serverless.infra.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The todo API through the deployed HTTP API, its Cognito JWT authorizer, the function, DynamoDB and S3. */
@ExtendWith(E2eStack.class)
class TodoApiIT {

    private static final String PROBLEMS = "https://serverless-reference.example.com/problems/";

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static SignedInUser alice;
    private static SignedInUser bob;

    @BeforeAll
    static void signIn(E2eStack.Stack deployed) {
        stack = deployed;
        users = new TestUsers(stack);
        alice = users.signUp("alice");
        bob = users.signUp("bob");
    }

    @AfterAll
    static void removeUsersAndTheirTodos() {
        if (users != null) {
            users.close();
        }
    }

    @Test
    void todoLivesThroughCreateReadUpdatePatchAndDelete() {
        ExtractableResponse<Response> created = api(alice).body(Map.of("title", "Buy milk", "description", "2 litres",
                        "dueDate", "2030-01-31", "tags", List.of("home")))
                .post("/todos").then().statusCode(201).header("ETag", "\"1\"").extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/todos/" + id));
        assertThat(created.path("title"), equalTo("Buy milk"));
        assertThat(created.path("status"), equalTo("open"));

        api(alice).get("/todos/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Buy milk")).body("dueDate", equalTo("2030-01-31")).body("tags[0]", equalTo("home"));
        assertThat(api(alice).get("/todos").then().statusCode(200).extract().<List<String>>path("items.id"), hasItem(id));

        api(alice).contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("status", "done"))
                .patch("/todos/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("done")).body("title", equalTo("Buy milk")).body("version", equalTo(2));
        api(alice).header("If-Match", "\"2\"").body(Map.of("title", "Buy oat milk", "status", "open", "tags", List.of()))
                .put("/todos/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("title", equalTo("Buy oat milk")).body("description", equalTo(null)).body("status", equalTo("open"));
        api(alice).get("/todos/" + id).then().statusCode(200).body("title", equalTo("Buy oat milk")).body("version", equalTo(3));

        expectNoContent(api(alice).delete("/todos/" + id).then().extract());
        expectProblem(api(alice).get("/todos/" + id).then().extract(), 404, "not-found");
        expectNoContent(api(alice).delete("/todos/" + id).then().extract());
    }

    @Test
    void anotherUsersTodoIsInvisibleOnEveryEndpoint() {
        String id = createTodo(alice, "Alice's secret");
        String attachmentId = api(alice).body(Map.of("fileName", "a.txt", "contentType", "text/plain", "size", 3))
                .post("/todos/" + id + "/attachments").then().statusCode(201).extract().path("attachment.id");
        int version = api(alice).get("/todos/" + id).then().statusCode(200).extract().path("version");

        expectProblem(api(bob).get("/todos/" + id).then().extract(), 404, "not-found");
        expectProblem(api(bob).header("If-Match", "\"" + version + "\"").body(Map.of("title", "Bob was here", "status", "open"))
                .put("/todos/" + id).then().extract(), 404, "not-found");
        expectProblem(api(bob).contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"").body(Map.of("title", "Bob was here"))
                .patch("/todos/" + id).then().extract(), 404, "not-found");
        expectProblem(api(bob).body(Map.of("fileName", "b.txt", "contentType", "text/plain", "size", 3))
                .post("/todos/" + id + "/attachments").then().extract(), 404, "not-found");
        expectProblem(api(bob).get("/todos/" + id + "/attachments/" + attachmentId).then().extract(), 404, "not-found");
        assertThat(api(bob).get("/todos").then().statusCode(200).extract().<List<String>>path("items.id"), not(hasItem(id)));
        expectNoContent(api(bob).delete("/todos/" + id).then().extract());

        api(alice).get("/todos/" + id).then().statusCode(200).body("title", equalTo("Alice's secret"))
                .body("version", equalTo(version)).body("attachments.size()", equalTo(1));
    }

    @Test
    void listPagesThroughEveryTodoOnceInCreationOrder() {
        SignedInUser carol = users.signUp("carol");
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(createTodo(carol, "Todo " + i));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            RequestSpecification request = api(carol).queryParam("limit", 2);
            if (next != null) {
                request.queryParam("next", next);
            }
            ExtractableResponse<Response> page = request.get("/todos").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids.size(), lessThanOrEqualTo(2));
            seen.addAll(ids);
            next = page.path("next");
            pages++;
        } while (next != null && pages < 10);
        assertThat(seen, equalTo(created));
        assertThat(pages, equalTo(3));

        String cursor = api(carol).queryParam("limit", 2).get("/todos").then().extract().path("next");
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
        expectProblem(api(carol).queryParam("next", tampered).get("/todos").then().extract(), 400, "bad-cursor");
        api(carol).queryParam("status", "done").get("/todos").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void staleEtagIsRejectedWith412AndNothingIsWritten() {
        String id = createTodo(alice, "Version one");
        api(alice).contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("title", "Version two"))
                .patch("/todos/" + id).then().statusCode(200).header("ETag", "\"2\"");

        expectProblem(api(alice).contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("title", "Lost update"))
                .patch("/todos/" + id).then().extract(), 412, "precondition-failed");
        expectProblem(api(alice).header("If-Match", "\"1\"").body(Map.of("title", "Lost update", "status", "open"))
                .put("/todos/" + id).then().extract(), 412, "precondition-failed");
        expectProblem(api(alice).contentType("application/merge-patch+json").body(Map.of("title", "No precondition"))
                .patch("/todos/" + id).then().extract(), 428, "precondition-required");

        api(alice).get("/todos/" + id).then().statusCode(200).header("ETag", "\"2\"").body("title", equalTo("Version two"));
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheSameTodo() {
        SignedInUser dave = users.signUp("dave");
        String key = UUID.randomUUID().toString();
        String first = api(dave).header("Idempotency-Key", key).body(Map.of("title", "Once"))
                .post("/todos").then().statusCode(201).extract().path("id");
        String retry = api(dave).header("Idempotency-Key", key).body(Map.of("title", "Once"))
                .post("/todos").then().statusCode(201).extract().path("id");
        assertThat(retry, equalTo(first));
        expectProblem(api(dave).header("Idempotency-Key", key).body(Map.of("title", "Twice"))
                .post("/todos").then().extract(), 422, "idempotency-conflict");
        assertThat(api(dave).get("/todos").then().statusCode(200).extract().<List<String>>path("items.id"),
                contains(first));
    }

    @Test
    void attachmentIsUploadedToItsPresignedUrlAndReadBack() throws Exception {
        String id = createTodo(alice, "With a receipt");
        byte[] content = ("receipt " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> ticket = api(alice)
                .body(Map.of("fileName", "receipt.txt", "contentType", "text/plain", "size", content.length))
                .post("/todos/" + id + "/attachments").then().statusCode(201)
                .body("method", equalTo("PUT"))
                .body("attachment.key", startsWith("users/" + alice.sub() + "/todos/" + id + "/")).extract();
        String key = ticket.path("attachment.key");
        String attachmentId = ticket.path("attachment.id");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(ticket.path("uploadUrl")))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.body(), upload.statusCode(), equalTo(200));
        assertThat(stack.clients().s3().headObject(b -> b.bucket(stack.outputs().get("AttachmentsBucketName")).key(key))
                .contentLength(), equalTo((long) content.length));

        String downloadUrl = api(alice).get("/todos/" + id + "/attachments/" + attachmentId)
                .then().statusCode(200).extract().path("downloadUrl");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(downloadUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode(), equalTo(200));
        assertThat(new String(download.body(), StandardCharsets.UTF_8), equalTo(new String(content, StandardCharsets.UTF_8)));
        api(alice).get("/todos/" + id).then().statusCode(200).body("attachments[0].id", equalTo(attachmentId));
    }

    static void useStack(E2eStack.Stack deployed) {
        stack = deployed;
    }

    static RequestSpecification api(SignedInUser user) {
        return anonymous().header("Authorization", "Bearer " + user.accessToken());
    }

    static RequestSpecification anonymous() {
        URI base = stack.apiBaseUrl();
        return given().baseUri(base.getScheme() + "://" + base.getAuthority()).basePath(base.getPath())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String createTodo(SignedInUser user, String title) {
        return api(user).body(Map.of("title", title)).post("/todos").then().statusCode(201).extract().path("id");
    }

    /**
     * 204 No Content. Fidelity: MiniStack 1.5.33 answers 500 when a payload-2.0 Lambda response carries
     * {@code "body": null} (Quarkus's shape for 204; apigateway.py passes None on and the ASGI send fails).
     * This branch asserts exactly that departure, so an upgrade that fixes it fails here and gets noticed.
     */
    static void expectNoContent(ExtractableResponse<Response> response) {
        if (stack.isLocal()) {
            assertThat("MiniStack fixed the null-body 500; drop this departure", response.statusCode(), equalTo(500));
        } else {
            assertThat(response.body().asString(), response.statusCode(), equalTo(204));
        }
    }

    private static void expectProblem(ExtractableResponse<Response> response, int status, String slug) {
        assertThat(response.body().asString(), response.statusCode(), equalTo(status));
        assertThat(response.contentType(), startsWith("application/problem+json"));
        assertThat(response.path("type"), equalTo(PROBLEMS + slug));
        assertThat(response.path("status"), equalTo(status));
    }
}
