package com.example.serverless.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.metadata.domain.IndexEntry;
import com.example.serverless.metadata.domain.IndexedObject;
import com.example.serverless.metadata.domain.MetadataIndex;
import com.example.serverless.metadata.domain.Sequencer;
import com.example.serverless.metadata.domain.Tombstone;
import com.example.serverless.metadata.support.EventSourceMapping;
import com.example.serverless.metadata.support.EventSourceMapping.Batch;
import com.example.serverless.metadata.support.Fixtures;
import com.example.serverless.metadata.support.S3NotificationJson;
import com.example.serverless.metadata.support.TestQueues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * S3-shaped notifications in a queue of the local cloud, delivered in batches of up to 10 through the mock event server
 * by a stand-in for the SQS event source mapping, against the local cloud's DynamoDB and S3.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class MetadataSyncIT {

    /** As in infra/template.yaml. */
    private static final int MAX_RECEIVE_COUNT = 5;

    @Inject
    S3Client s3;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    MetadataIndex index;

    @InjectLocalCloud
    LocalCloud cloud;

    private SqsClient sqs;
    private TestQueues.QueuePair queues;
    private EventSourceMapping mapping;
    private String bucket;

    @BeforeEach
    void createQueuesAndBucket() {
        sqs = TestQueues.client(cloud);
        queues = TestQueues.create(sqs, 1, MAX_RECEIVE_COUNT);
        mapping = new EventSourceMapping(sqs, queues);
        bucket = "it-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void closeClient() {
        sqs.close();
    }

    @Test
    void committedSqsEventIsDeliveredThroughTheMockEventServerAndIndexed() throws Exception {
        try {
            s3.createBucket(b -> b.bucket("media-uploads-eu"));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // created by an earlier run of this test in the same application
        }
        s3.putObject(p -> p.bucket("media-uploads-eu").key("reports/2026/q3 summary.pdf")
                .contentType("application/pdf").metadata(Map.of("department", "finance")),
                RequestBody.fromString("%PDF-1.7 quarterly summary"));

        String response = MockEventServer.invoke(Fixtures.event("sqs-s3-notifications.json"));

        assertEquals(new ObjectMapper().readTree("{\"batchItemFailures\":[]}"), new ObjectMapper().readTree(response));
        IndexedObject entry = indexed("media-uploads-eu", "reports/2026/q3 summary.pdf");
        assertEquals("application/pdf", entry.state().contentType());
        assertEquals(Map.of("department", "finance"), entry.state().userMetadata());
        assertEquals(26, entry.state().size());
        assertEquals(new Sequencer("00673DA97E4C1A2F36"), entry.sequencer());
    }

    @Test
    void createOverwriteAndDeleteInS3AreFollowedThroughTheQueue() {
        put("docs/a.txt", "text/plain", "first");
        put("docs/b.json", "application/json", "{}");
        send(S3NotificationJson.created(bucket, "docs/a.txt", "0A"));
        send(S3NotificationJson.created(bucket, "docs/b.json", "0A"));
        mapping.drain(10);
        assertEquals("text/plain", indexed(bucket, "docs/a.txt").state().contentType());

        put("docs/a.txt", "text/markdown", "second, longer");
        send(S3NotificationJson.created(bucket, "docs/a.txt", "0B"));
        s3.deleteObject(d -> d.bucket(bucket).key("docs/b.json"));
        send(S3NotificationJson.removed(bucket, "docs/b.json", "0B"));
        mapping.drain(10);

        IndexedObject a = indexed(bucket, "docs/a.txt");
        assertEquals("text/markdown", a.state().contentType());
        assertEquals(14, a.state().size());
        assertInstanceOf(Tombstone.class, index.find(bucket, "docs/b.json").orElseThrow());
        assertEquals(List.of("docs/a.txt"), index.listByPrefix(bucket, "docs/", 10).stream()
                .map(IndexedObject::key).toList(), "tombstones are not listed");
    }

    @Test
    void outOfOrderAndDuplicatedDeliveriesConvergeToS3sFinalState() {
        // History of one key: created (FE), overwritten (FF), deleted (0100), created again (0101); another key:
        // created (0A) then deleted (0B). Sequencers of different lengths on purpose.
        put("photos/summer 2026/café.jpg", "image/jpeg", "final picture");
        List<String> bodies = new ArrayList<>(List.of(
                S3NotificationJson.created(bucket, "photos/summer 2026/café.jpg", "FE"),
                S3NotificationJson.created(bucket, "photos/summer 2026/café.jpg", "FF"),
                S3NotificationJson.removed(bucket, "photos/summer 2026/café.jpg", "0100"),
                S3NotificationJson.created(bucket, "photos/summer 2026/café.jpg", "0101"),
                S3NotificationJson.created(bucket, "gone.txt", "0A"),
                S3NotificationJson.removed(bucket, "gone.txt", "0B")));
        bodies.addAll(List.copyOf(bodies)); // every event twice
        Collections.shuffle(bodies, new Random(5));
        bodies.forEach(this::send);

        List<Batch> batches = mapping.drain(20);

        assertTrue(batches.stream().allMatch(b -> b.failedIds().isEmpty()), "nothing failed: " + batches);
        assertTrue(batches.stream().allMatch(b -> b.messageIds().size() <= 10));
        IndexedObject photo = indexed(bucket, "photos/summer 2026/café.jpg");
        assertEquals(new Sequencer("0101"), photo.sequencer());
        assertEquals("image/jpeg", photo.state().contentType());
        Tombstone gone = assertInstanceOf(Tombstone.class, index.find(bucket, "gone.txt").orElseThrow());
        assertEquals(new Sequencer("0B"), gone.sequencer());

        // A create from long ago, delivered once more, changes nothing.
        send(S3NotificationJson.created(bucket, "gone.txt", "09"));
        mapping.drain(5);
        assertInstanceOf(Tombstone.class, index.find(bucket, "gone.txt").orElseThrow());
    }

    @Test
    void poisonMessageFailsAloneAndReachesTheDlqAfterMaxReceiveCount() {
        for (int i = 0; i < 9; i++) {
            put("batch/" + i + ".txt", "text/plain", "object " + i);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(send(S3NotificationJson.created(bucket, "batch/" + i + ".txt", "0A")));
        }
        String poisonId = send("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}");
        for (int i = 4; i < 9; i++) {
            ids.add(send(S3NotificationJson.created(bucket, "batch/" + i + ".txt", "0A")));
        }

        Batch first = mapping.deliverOnce();
        assertEquals(10, first.messageIds().size(), "all ten in one batch");
        assertEquals(Set.of(poisonId), first.failedIds(), "the response lists exactly the poison message");
        for (int i = 0; i < 9; i++) {
            assertEquals("text/plain", indexed(bucket, "batch/" + i + ".txt").state().contentType());
        }

        List<Batch> retries = mapping.drain(30);

        assertEquals(MAX_RECEIVE_COUNT - 1, retries.size(), "redelivered until maxReceiveCount: " + retries);
        assertTrue(retries.stream().allMatch(b -> b.messageIds().equals(List.of(poisonId))
                && b.failedIds().equals(Set.of(poisonId))));
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(queues.dlqUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals(1, dead.size());
        assertEquals(poisonId, dead.get(0).messageId());
        assertEquals("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}", dead.get(0).body(),
                "the DLQ keeps the body for a person to look at");
        assertEquals(0, mapping.messagesLeft(queues.queueUrl()));
    }

    @Test
    void testEventIsAcknowledgedAndWritesNothing() {
        String id = send(Fixtures.event("s3-test-event.json").replace("media-uploads-eu", bucket));

        Batch batch = mapping.deliverOnce();

        assertEquals(List.of(id), batch.messageIds());
        assertTrue(batch.failedIds().isEmpty());
        assertEquals(0, mapping.messagesLeft(queues.queueUrl()));
        assertTrue(dynamoDb.query(q -> q.tableName("MetadataTable").keyConditionExpression("#b = :b")
                .expressionAttributeNames(Map.of("#b", "bucket"))
                .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(bucket)))).items().isEmpty());
    }

    private void put(String key, String contentType, String content) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromString(content));
    }

    private String send(String body) {
        return sqs.sendMessage(m -> m.queueUrl(queues.queueUrl()).messageBody(body)).messageId();
    }

    private IndexedObject indexed(String bucketName, String key) {
        IndexEntry entry = index.find(bucketName, key).orElseThrow(() -> new AssertionError("not indexed: " + key));
        return assertInstanceOf(IndexedObject.class, entry, key);
    }
}
