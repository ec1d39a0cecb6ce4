package com.example.serverless.blogfanout.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.blog.subscriptions.Announcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The paging and batching rules over in-memory ports; the DynamoDB and SQS implementations are covered by FanOutIT. */
class FanOutTest {

    private final Post post = new Post("p1", "Title", "Summary", Set.of("java"));
    private final List<List<Announcement>> batches = new ArrayList<>();
    private final SendQueue queue = announcements -> batches.add(List.copyOf(announcements));

    private static RecipientIds subscribers(int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> String.format("s%05d", i)).toList();
        return (after, limit) -> {
            int from = after.map(id -> ids.indexOf(id) + 1).orElse(0);
            int to = Math.min(ids.size(), from + limit);
            return new RecipientIds.IdPage(ids.subList(from, to),
                    to < ids.size() ? Optional.of(ids.get(to - 1)) : Optional.empty());
        };
    }

    @Test
    void everySubscriberLandsInExactlyOneMessageOfAtMostThePageSize() {
        FanOut.FanOutResult result = new FanOut(subscribers(3000), queue, 100).announce(post);

        assertEquals(new FanOut.FanOutResult(30, 3000), result);
        List<Announcement> messages = batches.stream().flatMap(List::stream).toList();
        List<String> ids = messages.stream().flatMap(m -> m.subscriberIds().stream()).toList();
        assertEquals(3000, ids.size());
        assertEquals(3000, Set.copyOf(ids).size());
        assertEquals(List.of(10, 10, 10), batches.stream().map(List::size).toList(), "ten messages per SQS call");
        assertEquals("Title", messages.get(0).title());
    }

    @Test
    void aLastPartialBatchIsSentToo() {
        FanOut.FanOutResult result = new FanOut(subscribers(25), queue, 2).announce(post);

        assertEquals(new FanOut.FanOutResult(13, 25), result);
        assertEquals(List.of(10, 3), batches.stream().map(List::size).toList());
        assertEquals(List.of("s00024"), batches.get(1).get(2).subscriberIds());
    }

    @Test
    void noSubscribersNoMessages() {
        assertEquals(new FanOut.FanOutResult(0, 0), new FanOut(subscribers(0), queue, 100).announce(post));
        assertEquals(List.of(), batches);
    }

    @Test
    void aQueueFailureFailsTheAnnouncementSoTheStreamRetriesIt() {
        SendQueue failing = announcements -> {
            throw new IllegalStateException("SQS is down");
        };
        assertThrows(IllegalStateException.class, () -> new FanOut(subscribers(5), failing, 2).announce(post));
    }

    @Test
    void aPageLargerThanOneBatchGetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FanOut(subscribers(1), queue, 101));
        assertThrows(IllegalArgumentException.class, () -> new FanOut(subscribers(1), queue, 0));
    }
}
