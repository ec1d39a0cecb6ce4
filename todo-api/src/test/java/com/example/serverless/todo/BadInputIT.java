package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every client mistake gets a 4xx problem document with a stable type, and nothing is written. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class BadInputIT {

    private final HttpApi owner = HttpApi.newUser();

    private void assertNothingStored() {
        assertEquals(0, owner.get("/todos").json().path("items").size());
    }

    private static Set<String> fieldsOf(HttpApiResponse problem) {
        Set<String> fields = new TreeSet<>();
        problem.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": ", "not json", "{\"title\":\"a\"} trailing", "[1,2"})
    void malformedJsonIs400(String body) {
        HttpApiResponse response = owner.post("/todos", body);

        assertEquals(400, response.status());
        assertTrue(Set.of("malformed-json").contains(response.problemSlug()), response::toString);
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a string\"", "42", "null"})
    void aBodyThatIsNotAnObjectIs400(String body) {
        assertEquals("validation", owner.post("/todos", body).problemSlug());
        assertNothingStored();
    }

    @Test
    void anEmptyBodyIs400() {
        assertEquals("validation", owner.header("Content-Type", "application/json").send("POST", "/todos", "").problemSlug());
    }

    @Test
    void wrongTypesAreReportedForEveryField() {
        HttpApiResponse response = owner.post("/todos", """
                {"title": 123, "description": false, "dueDate": "next tuesday", "tags": "home", "status": "maybe"}""");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("title", "description", "dueDate", "tags", "status"), fieldsOf(response));
        assertNothingStored();
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"ok\",\"titel\":\"typo\",\"owner\":\"someone\"}");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("owner", "titel"), fieldsOf(response));
        assertNothingStored();
    }

    @Test
    void limitsOnLengthsAndCountsAreEnforced() {
        String tags = String.join(",", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "\"t" + i + "\"").toList());
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"" + "x".repeat(201) + "\",\"description\":\""
                + "d".repeat(2001) + "\",\"tags\":[" + tags + "]}");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("title", "description", "tags"), fieldsOf(response));
    }

    @Test
    void aBlankTitleOrBlankTagIsRefused() {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"   \",\"tags\":[\"ok\",\"\"]}");

        assertEquals(Set.of("title", "tags[1]"), fieldsOf(response));
    }

    @Test
    void titlesAreMeasuredInCharactersNotBytes() {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"" + "\uD83D\uDE00".repeat(200) + "\"}");

        assertEquals(201, response.status(), response::toString);
    }

    @Test
    void anOversizeBodyIs413() {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"big\",\"description\":\"" + "x".repeat(70_000) + "\"}");

        assertEquals("payload-too-large", response.problemSlug());
        assertEquals(413, response.status());
        assertNothingStored();
    }

    @Test
    void aNonJsonContentTypeIs415() {
        HttpApiResponse response = owner.header("Content-Type", "text/plain").post("/todos", "{\"title\":\"x\"}");

        assertEquals("unsupported-media-type", response.problemSlug());
        assertNothingStored();
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        HttpApiResponse response = owner.withoutHeader("Content-Type").post("/todos", "{\"title\":\"x\"}");

        assertEquals(415, response.status());
        assertEquals("unsupported-media-type", response.problemSlug());
        assertNothingStored();
    }

    @Test
    void aPatchThatIsNotAMergePatchIs415AndChangesNothing() {
        String id = owner.post("/todos", "{\"title\":\"before\"}").json().path("id").asText();

        HttpApiResponse response = owner.header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .patch("/todos/" + id, "{\"title\":\"after\"}");

        assertEquals("unsupported-media-type", response.problemSlug());
        assertEquals("before", owner.get("/todos/" + id).json().path("title").asText());
        owner.delete("/todos/" + id);
    }

    @Test
    void aRequestWithoutAuthorizerClaimsIs401() {
        HttpApiResponse response = HttpApi.withoutClaims().post("/todos", "{\"title\":\"x\"}");

        assertEquals(401, response.status());
        assertEquals("unauthenticated", response.problemSlug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-cognito-sub", "../../etc/passwd"})
    void aMalformedSubjectClaimIs401(String subject) {
        assertEquals("unauthenticated", HttpApi.as(subject).get("/todos").problemSlug());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0192f1c4-7a3b-7cde-8f00-000000000000", "not-a-uuid", "0192F1C4-7A3B-7CDE-8F00-000000000000"})
    void unknownOrMalformedIdsAre404(String id) {
        assertEquals("not-found", owner.get("/todos/" + id).problemSlug());
        assertEquals("not-found", owner.header("If-Match", "*").patch("/todos/" + id, "{\"title\":\"x\"}").problemSlug());
        assertEquals(204, owner.delete("/todos/" + id).status());
    }

    @ParameterizedTest
    @CsvSource({"limit=0", "limit=101", "limit=ten", "limit=-1", "status=maybe", "status=OPEN"})
    void badListParametersAre400(String query) {
        HttpApiResponse response = owner.get("/todos?" + query);

        assertEquals("validation", response.problemSlug());
        assertEquals(List.of(query.substring(0, query.indexOf('='))), List.copyOf(fieldsOf(response)));
    }

    @Test
    void duplicateTagsAreStoredOnce() {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"t\",\"tags\":[\"a\",\"b\",\"a\"]}");

        assertEquals(2, response.json().path("tags").size());
    }

    @Test
    void aMissingAttachmentFieldIsReported() {
        String id = owner.post("/todos", "{\"title\":\"with file\"}").json().path("id").asText();

        HttpApiResponse response = owner.post("/todos/" + id + "/attachments", "{\"fileName\":\"a.txt\"}");

        assertEquals(Set.of("contentType", "size"), fieldsOf(response));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertEquals("not-found", owner.get("/nothing-here").problemSlug());
        HttpApiResponse wrongMethod = owner.send("DELETE", "/todos", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("method-not-allowed", wrongMethod.problemSlug());
    }

    @Test
    void attachmentRequestsAreValidated() {
        String id = owner.post("/todos", "{\"title\":\"with file\"}").json().path("id").asText();

        HttpApiResponse response = owner.post("/todos/" + id + "/attachments", """
                {"fileName":"../evil.sh","contentType":"application/x-sh","size":20000000}""");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("contentType", "fileName", "size"), fieldsOf(response));
        assertEquals(0, owner.get("/todos/" + id).json().path("attachments").size());
    }

    @Test
    void attachmentFieldsOfTheWrongTypeAreReportedByName() {
        String id = owner.post("/todos", "{\"title\":\"with file\"}").json().path("id").asText();

        HttpApiResponse response = owner.post("/todos/" + id + "/attachments", """
                {"fileName":"a.txt","contentType":"text/plain","size":"big"}""");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("size"), fieldsOf(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30\"", "\"31/12/2026\"", "\"2026-12-31T10:00:00\"", "20261231", "\"\""})
    void badDatesAreRefused(String dueDate) {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"t\",\"dueDate\":" + dueDate + "}");

        assertEquals(400, response.status(), response::toString);
        assertEquals(Set.of("dueDate"), fieldsOf(response));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"OPEN\"", "\"closed\"", "\"\"", "1", "true", "[\"open\"]"})
    void badStatusesAreRefused(String status) {
        HttpApiResponse response = owner.post("/todos", "{\"title\":\"t\",\"status\":" + status + "}");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("status"), fieldsOf(response));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5\"", "1.5", "0", "-1", "true", "null"})
    void anAttachmentSizeMustBeAWholePositiveNumber(String size) {
        String id = owner.post("/todos", "{\"title\":\"with file\"}").json().path("id").asText();

        HttpApiResponse response = owner.post("/todos/" + id + "/attachments",
                "{\"fileName\":\"a.txt\",\"contentType\":\"text/plain\",\"size\":" + size + "}");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("size"), fieldsOf(response));
        assertEquals(0, owner.get("/todos/" + id).json().path("attachments").size());
    }

    @Test
    void aMergePatchWithUnknownFieldsOrWrongTypesChangesNothing() {
        String id = owner.post("/todos", "{\"title\":\"before\",\"tags\":[\"a\"]}").json().path("id").asText();

        HttpApiResponse response = owner.header("If-Match", "\"1\"")
                .patch("/todos/" + id, "{\"title\":5,\"tags\":\"b\",\"colour\":\"red\"}");

        assertEquals("validation", response.problemSlug());
        assertEquals(Set.of("colour", "tags", "title"), fieldsOf(response));
        JsonNode todo = owner.get("/todos/" + id).json();
        assertEquals("before", todo.path("title").asText());
        assertEquals(1, todo.path("version").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":null}", "{\"status\":null}", "{\"title\":\"  \"}", "{\"tags\":[null]}"})
    void aMergePatchCannotRemoveOrBlankWhatATodoNeeds(String patch) {
        String id = owner.post("/todos", "{\"title\":\"keep me\"}").json().path("id").asText();

        HttpApiResponse response = owner.header("If-Match", "\"1\"").patch("/todos/" + id, patch);

        assertEquals("validation", response.problemSlug(), response::toString);
        assertEquals(1, owner.get("/todos/" + id).json().path("version").asInt());
    }

    @Test
    void aPutWithoutStatusIsRefusedAndChangesNothing() {
        String id = owner.post("/todos", "{\"title\":\"before\"}").json().path("id").asText();

        HttpApiResponse response = owner.header("If-Match", "\"1\"").put("/todos/" + id, "{\"title\":\"after\"}");

        assertEquals(Set.of("status"), fieldsOf(response));
        assertEquals("before", owner.get("/todos/" + id).json().path("title").asText());
    }

    @Test
    void problemsCarryTheRequestIdAndNoInternals() {
        HttpApiResponse response = owner.get("/todos/not-a-uuid");
        JsonNode problem = response.json();

        assertFalse(problem.path("instance").asText().isBlank(), "instance names the Lambda request id");
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at com."), response.body());
    }
}
