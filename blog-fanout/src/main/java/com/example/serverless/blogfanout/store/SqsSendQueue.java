package com.example.serverless.blogfanout.store;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.AnnouncementMessages;
import com.example.serverless.blogfanout.domain.SendQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SendMessageBatch to the send queue. A batch call can succeed while some entries fail; those are sent once more
 * (SQS's own advice for entries it failed on its side), and what still fails fails the record.
 */
public final class SqsSendQueue implements SendQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSendQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<Announcement> announcements) {
        if (announcements.size() > MAX_BATCH) {
            throw new IllegalArgumentException("SendMessageBatch takes at most " + MAX_BATCH + " messages");
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < announcements.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(AnnouncementMessages.body(announcements.get(i)))
                    .build());
        }
        List<SendMessageBatchRequestEntry> failed = send(entries);
        if (!failed.isEmpty()) {
            failed = send(failed);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + entries.size()
                    + " announcements could not be enqueued twice in a row");
        }
    }

    private List<SendMessageBatchRequestEntry> send(List<SendMessageBatchRequestEntry> entries) {
        SendMessageBatchResponse response = sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entries));
        List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).collect(Collectors.toList());
        return entries.stream().filter(entry -> failedIds.contains(entry.id())).toList();
    }
}
