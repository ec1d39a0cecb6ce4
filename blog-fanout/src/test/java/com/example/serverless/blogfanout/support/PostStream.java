package com.example.serverless.blogfanout.support;

import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.MiniStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the posts table's real stream from the local cloud (its DynamoDB Streams API) and turns the records into
 * the JSON event that Lambda's event source mapping delivers to the function.
 */
public final class PostStream implements AutoCloseable {

    private static final int POLLS = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbStreamsClient streams;
    private final PostsTable tables;
    private final Map<String, String> iterators = new HashMap<>();
    private final List<Record> unread = new ArrayList<>();

    public PostStream(LocalCloud cloud, PostsTable tables) {
        this.streams = cloud.client(DynamoDbStreamsClient.builder());
        this.tables = tables;
    }

    @Override
    public void close() {
        streams.close();
    }

    /**
     * The next {@code count} stream records of these posts, in stream order, as a Lambda DynamoDB event. Polls
     * the stream (boundedly) until they are there; records of other posts stay buffered for their tests.
     */
    public synchronized ObjectNode nextEvent(Set<String> postIds, int count) {
        List<Record> mine = new ArrayList<>();
        for (int poll = 0; poll < POLLS; poll++) {
            readAvailable();
            for (Iterator<Record> it = unread.iterator(); it.hasNext() && mine.size() < count; ) {
                Record record = it.next();
                if (postIds.contains(record.dynamodb().keys().get("postId").s())) {
                    mine.add(record);
                    it.remove();
                }
            }
            if (mine.size() == count) {
                return event(mine.stream().map(this::lambdaRecord).toList());
            }
            pause();
        }
        throw new AssertionError("Only " + mine.size() + " of " + count + " stream records for " + postIds);
    }

    /** Several records (possibly the same ones again) as one event. */
    public ObjectNode event(List<ObjectNode> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event;
    }

    private void readAvailable() {
        String streamArn = tables.postsStreamArn();
        for (Shard shard : streams.describeStream(d -> d.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(i -> i
                    .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            if (iterator == null) {
                continue;
            }
            var response = streams.getRecords(r -> r.shardIterator(iterator));
            unread.addAll(response.records());
            iterators.put(shard.shardId(), response.nextShardIterator());
        }
    }

    private ObjectNode lambdaRecord(Record record) {
        ObjectNode node = json.createObjectNode();
        node.put("eventID", record.eventID());
        node.put("eventName", record.eventNameAsString());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", MiniStack.REGION);
        ObjectNode dynamodb = node.putObject("dynamodb");
        // Lambda sends epoch seconds as a JSON number with a fraction: the value that breaks naive Date mapping.
        long millis = record.dynamodb().approximateCreationDateTime().toEpochMilli();
        dynamodb.put("ApproximateCreationDateTime", BigDecimal.valueOf(millis, 3));
        dynamodb.set("Keys", image(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.set("NewImage", image(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.set("OldImage", image(record.dynamodb().oldImage()));
        }
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("SizeBytes", record.dynamodb().sizeBytes());
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        node.put("eventSourceARN", tables.postsStreamArn());
        return node;
    }

    private ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode node = json.createObjectNode();
        item.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    private ObjectNode attribute(AttributeValue value) {
        ObjectNode node = json.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> node.withArray("BS").add(base64(b)));
            case L -> value.l().forEach(v -> node.withArray("L").add(attribute(v)));
            case M -> node.set("M", image(value.m()));
            default -> throw new IllegalArgumentException("Unknown attribute type " + value.type());
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading the stream", e);
        }
    }
}
