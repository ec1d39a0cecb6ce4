package com.example.serverless.todocleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.todocleanup.config.CleanupConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A real DynamoDB Streams event of the todos table (a removed todo with two attachments, one never uploaded, and an
 * expired idempotency record) through Quarkus's mock event server, against a versioned bucket on the local cloud.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class TodoRemovedIT {

    private static final String TODO_PREFIX = "users/3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/todos/0192f1c4-7a3b-7cde-8f00-0000000000aa/";
    private static final String RECEIPT = TODO_PREFIX + "0192f1c4-7a3b-7cde-8f00-0000000000b1/receipt.pdf";
    private static final String NEIGHBOUR = "users/3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/todos/0192f1c4-7a3b-7cde-8f00-0000000000ab/"
            + "0192f1c4-7a3b-7cde-8f00-0000000000c1/kept.txt";

    @Inject
    S3Client s3;

    @Inject
    CleanupConfig config;

    @BeforeEach
    void versionedBucketWithTheTodosObjects() {
        try {
            s3.createBucket(b -> b.bucket(config.attachmentsBucket()));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // the next test of the same application
        }
        s3.putBucketVersioning(v -> v.bucket(config.attachmentsBucket())
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        s3.putObject(p -> p.bucket(config.attachmentsBucket()).key(RECEIPT), RequestBody.fromString("receipt"));
        s3.putObject(p -> p.bucket(config.attachmentsBucket()).key(NEIGHBOUR), RequestBody.fromString("another todo's"));
    }

    @Test
    void theRemovedTodosAttachmentsAreDeletedAndNothingElse() throws IOException {
        JsonNode response = new ObjectMapper().readTree(MockEventServer.invoke(fixture()));

        assertEquals(0, response.path("batchItemFailures").size(), response::toString);
        assertFalse(exists(RECEIPT));
        assertTrue(exists(NEIGHBOUR), "another todo's attachment stays");
    }

    @Test
    void aRedeliveredRecordIsHarmless() throws IOException {
        MockEventServer.invoke(fixture());

        JsonNode again = new ObjectMapper().readTree(MockEventServer.invoke(fixture()));

        assertEquals(0, again.path("batchItemFailures").size(), again::toString);
        assertFalse(exists(RECEIPT));
    }

    @Test
    void onTheVersionedBucketTheDataStaysForTheUndoWindowBehindADeleteMarker() throws IOException {
        MockEventServer.invoke(fixture());

        List<ObjectVersion> versions = s3.listObjectVersions(l -> l.bucket(config.attachmentsBucket()).prefix(RECEIPT)).versions();
        assertFalse(versions.isEmpty(), "the noncurrent version, which the lifecycle rule expires after 30 days");
        assertTrue(versions.stream().noneMatch(ObjectVersion::isLatest));
    }

    @Test
    void whenS3FailsTheRecordIsReportedAndNothingAfterItIsHandled() throws IOException {
        String bucket = config.attachmentsBucket();
        for (ObjectVersion version : s3.listObjectVersions(l -> l.bucket(bucket)).versions()) {
            s3.deleteObject(d -> d.bucket(bucket).key(version.key()).versionId(version.versionId()));
        }
        s3.listObjectVersions(l -> l.bucket(bucket)).deleteMarkers()
                .forEach(marker -> s3.deleteObject(d -> d.bucket(bucket).key(marker.key()).versionId(marker.versionId())));
        s3.deleteBucket(d -> d.bucket(bucket));

        JsonNode response = new ObjectMapper().readTree(MockEventServer.invoke(fixture()));

        // The first record (the todo) failed: Lambda retries the shard from it; the second waits behind it.
        assertEquals(1, response.path("batchItemFailures").size(), response::toString);
        assertEquals("222100000000000000001", response.path("batchItemFailures").path(0).path("itemIdentifier").asText());
    }

    private boolean exists(String key) {
        try {
            s3.headObject(h -> h.bucket(config.attachmentsBucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = TodoRemovedIT.class.getClassLoader().getResourceAsStream("events/dynamodb-stream-todo-removed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
