package com.example.serverless.blogapi.store;

import com.example.serverless.blog.subscriptions.ConfirmationTokens.Confirmation;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.blogapi.domain.PendingSubscription;
import com.example.serverless.blogapi.domain.SubscriberStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Subscribers in the subscribers table (the one blog-notifier reads through its {@code byStatus} index). Every change
 * is one conditional UpdateItem, so two requests for one address, or a request and a confirmation, cannot interleave.
 */
public final class DynamoDbSubscriberStore implements SubscriberStore {

    private static final String PENDING = SubscriberStatus.PENDING.wireName();
    private static final String UNSUBSCRIBED = SubscriberStatus.UNSUBSCRIBED.wireName();

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSubscriberStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<SubscriberStatus> status(String subscriberId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key(subscriberId))
                .projectionExpression("#status").expressionAttributeNames(Map.of("#status", "status"))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("status") ? Optional.empty()
                : Optional.of(SubscriberStatus.fromWireName(item.get("status").s()));
    }

    @Override
    public boolean requestConfirmation(PendingSubscription request, Instant cooldownStart) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pending", AttributeValue.fromS(PENDING),
                ":unsubscribed", AttributeValue.fromS(UNSUBSCRIBED),
                ":email", AttributeValue.fromS(request.email()),
                ":nonce", AttributeValue.fromS(request.nonce()),
                ":now", AttributeValue.fromS(request.requestedAt().toString()),
                ":cooldownStart", AttributeValue.fromS(cooldownStart.toString())));
        String tags;
        if (request.tags().isEmpty()) {
            tags = " REMOVE tags";
        } else {
            values.put(":tags", AttributeValue.fromSs(List.copyOf(request.tags())));
            tags = ", tags = :tags";
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key(request.subscriberId()))
                    .updateExpression("SET email = :email, #status = :pending, confirmationNonce = :nonce, "
                            + "confirmationSentAt = :now, requestedAt = if_not_exists(requestedAt, :now)" + tags)
                    .conditionExpression("(attribute_not_exists(#status) OR #status IN (:pending, :unsubscribed)) "
                            + "AND (attribute_not_exists(confirmationSentAt) OR confirmationSentAt < :cooldownStart)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException cooldownOrConfirmed) {
            return false;
        }
    }

    @Override
    public void forgetConfirmation(PendingSubscription request) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key(request.subscriberId()))
                    .updateExpression("REMOVE confirmationSentAt, confirmationNonce")
                    .conditionExpression("confirmationNonce = :nonce")
                    .expressionAttributeValues(Map.of(":nonce", AttributeValue.fromS(request.nonce()))));
        } catch (ConditionalCheckFailedException newerRequest) {
            // A newer request has taken over the row: its email is its own business.
        }
    }

    @Override
    public boolean confirm(Confirmation confirmation, Instant at) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key(confirmation.subscriberId()))
                    .updateExpression("SET #status = :confirmed, confirmedAt = :at REMOVE confirmationNonce")
                    .conditionExpression("#status = :pending AND confirmationNonce = :nonce")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":confirmed", AttributeValue.fromS(SubscriberStatus.CONFIRMED.wireName()),
                            ":pending", AttributeValue.fromS(PENDING),
                            ":nonce", AttributeValue.fromS(confirmation.nonce()),
                            ":at", AttributeValue.fromS(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException usedOrSuperseded) {
            return false;
        }
    }

    @Override
    public void unsubscribe(String subscriberId, Instant at) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key(subscriberId))
                    .updateExpression("SET #status = :unsubscribed, unsubscribedAt = :at REMOVE confirmationNonce")
                    .conditionExpression("attribute_exists(subscriberId) AND NOT (#status IN (:bounced, :complained))")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":unsubscribed", AttributeValue.fromS(UNSUBSCRIBED),
                            ":bounced", AttributeValue.fromS(SubscriberStatus.BOUNCED.wireName()),
                            ":complained", AttributeValue.fromS(SubscriberStatus.COMPLAINED.wireName()),
                            ":at", AttributeValue.fromS(at.toString()))));
        } catch (ConditionalCheckFailedException goneOrBounced) {
            // Removed since the email was sent, or suppressed (bounced, complained): either way no more mail goes there.
        }
    }

    private static Map<String, AttributeValue> key(String subscriberId) {
        return Map.of("subscriberId", AttributeValue.fromS(subscriberId));
    }
}
