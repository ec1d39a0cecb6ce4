package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presigned URLs really work against an S3 that checks signatures (the local cloud, over TLS). */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class AttachmentIT {

    private static final String CONTENT = "hello, attachment";
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpApi owner = HttpApi.newUser();
    private String todoId;

    @BeforeEach
    void ownerHasATodo() {
        todoId = owner.post("/todos", "{\"title\":\"with file\"}").json().path("id").asText();
    }

    private JsonNode requestUpload(int size) {
        HttpApiResponse response = owner.post("/todos/" + todoId + "/attachments",
                "{\"fileName\":\"note.txt\",\"contentType\":\"text/plain\",\"size\":" + size + "}");
        assertEquals(201, response.status(), response::toString);
        return response.json();
    }

    private HttpResponse<String> put(JsonNode upload, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAttachmentIsUploadedWithThePresignedUrlAndReadBack() throws Exception {
        JsonNode upload = requestUpload(CONTENT.length());
        String key = upload.path("attachment").path("key").asText();
        assertEquals("users/" + owner.subject() + "/todos/" + todoId + "/" + upload.path("attachment").path("id").asText()
                + "/note.txt", key);
        assertEquals("PUT", upload.path("method").asText());

        assertEquals(200, put(upload, "text/plain", CONTENT).statusCode());

        JsonNode todo = owner.get("/todos/" + todoId).json();
        assertEquals(key, todo.path("attachments").path(0).path("key").asText(), "the todo records the key");
        String attachmentId = upload.path("attachment").path("id").asText();
        HttpApiResponse download = owner.get("/todos/" + todoId + "/attachments/" + attachmentId);
        assertEquals(200, download.status(), download::toString);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(download.json().path("downloadUrl").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(CONTENT, read.body());
    }

    @Test
    void theUploadUrlRefusesAnotherContentType() throws Exception {
        JsonNode upload = requestUpload(CONTENT.length());

        HttpResponse<String> response = put(upload, "text/html", CONTENT);

        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void theUploadUrlRefusesAnotherSize() throws Exception {
        JsonNode upload = requestUpload(5);

        HttpResponse<String> response = put(upload, "text/plain", CONTENT);

        assertTrue(response.statusCode() >= 400, "S3 refused the larger body: " + response.statusCode());
    }

    @Test
    void aTodoTakesTwentyAttachmentsAndRefusesTheNextWithoutChange() {
        for (int i = 0; i < 20; i++) {
            requestUpload(3);
        }
        HttpApiResponse before = owner.get("/todos/" + todoId);

        HttpApiResponse refused = owner.post("/todos/" + todoId + "/attachments",
                "{\"fileName\":\"one-more.txt\",\"contentType\":\"text/plain\",\"size\":3}");

        assertEquals("too-many-attachments", refused.problemSlug());
        assertEquals(409, refused.status());
        assertEquals(before.body(), owner.get("/todos/" + todoId).body(), "the todo is unchanged");
    }

    @Test
    void anUnknownAttachmentIs404() {
        assertEquals("not-found",
                owner.get("/todos/" + todoId + "/attachments/0192f1c4-7a3b-7cde-8f00-000000000000").problemSlug());
    }
}
