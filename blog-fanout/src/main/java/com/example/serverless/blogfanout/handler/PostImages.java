package com.example.serverless.blogfanout.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.example.serverless.blogfanout.domain.ChangeType;
import com.example.serverless.blogfanout.domain.InvalidPostException;
import com.example.serverless.blogfanout.domain.Post;
import com.example.serverless.blogfanout.domain.PostChange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the post items of a DynamoDB stream record (NEW_AND_OLD_IMAGES) into domain values. */
final class PostImages {

    private PostImages() {
    }

    static PostChange change(DynamodbStreamRecord record) {
        ChangeType type;
        try {
            type = ChangeType.valueOf(record.getEventName());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidPostException("Unknown stream event name " + record.getEventName());
        }
        StreamRecord stream = record.getDynamodb();
        return new PostChange(type,
                string(stream.getKeys(), "postId").orElse(null),
                string(stream.getOldImage(), "status"),
                string(stream.getNewImage(), "status"));
    }

    static Post publishedPost(DynamodbStreamRecord record) {
        Map<String, AttributeValue> item = record.getDynamodb().getNewImage();
        return new Post(
                string(item, "postId").orElse(null),
                string(item, "title").orElse(null),
                string(item, "summary").orElse(""),
                tags(item));
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item).map(i -> i.get(name)).map(AttributeValue::getS);
    }

    private static Set<String> tags(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get("tags");
        if (tags == null) {
            return Set.of();
        }
        if (tags.getSS() != null) {
            return new HashSet<>(tags.getSS());
        }
        List<AttributeValue> list = tags.getL();
        if (list != null) {
            return new HashSet<>(list.stream().map(AttributeValue::getS).filter(s -> s != null).toList());
        }
        throw new InvalidPostException("tags must be a string set or a list of strings");
    }
}
