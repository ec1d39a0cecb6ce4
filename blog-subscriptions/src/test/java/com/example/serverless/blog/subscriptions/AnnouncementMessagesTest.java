package com.example.serverless.blog.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnnouncementMessagesTest {

    private static final Announcement ANNOUNCEMENT =
            new Announcement("p1", "Hello <world>", "About \"things\"", Set.of("java"), List.of("s1", "s2"));

    @Test
    void anAnnouncementReadsBackAsWritten() {
        assertEquals(ANNOUNCEMENT, AnnouncementMessages.read(AnnouncementMessages.body(ANNOUNCEMENT)));
    }

    @Test
    void aPageOfAHundredFitsInOneMessageFarBelowTheSqsLimit() {
        List<String> ids = IntStream.range(0, Announcement.MAX_RECIPIENTS)
                .mapToObj(i -> SubscriberIds.ofAddress("reader" + i + "@example.com")).toList();
        String body = AnnouncementMessages.body(new Announcement("p1", "t".repeat(500), "s".repeat(2000), Set.of(), ids));

        assertEquals(Announcement.MAX_RECIPIENTS, AnnouncementMessages.read(body).subscriberIds().size());
        assertEquals(true, body.length() < 16 * 1024, "bytes: " + body.length());
    }

    @Test
    void whatIsNoAnnouncementIsAPoisonMessage() {
        for (String body : List.of("", "not json", "[]", "{}", "{\"postId\":\"p1\",\"title\":\"t\"}",
                "{\"postId\":\"p1\",\"title\":\"t\",\"subscriberIds\":[]}",
                "{\"postId\":\"p1\",\"title\":\"t\",\"subscriberIds\":[\"\"]}",
                "{\"postId\":\"p1\",\"title\":\"t\",\"subscriberIds\":\"s1\",\"x\":1}",
                "{\"postId\":\"p1\",\"title\":\"t\",\"subscriberIds\":[\"s1\"],\"unknown\":1}",
                "{\"postId\":7,\"title\":{},\"subscriberIds\":[\"s1\"]}")) {
            assertThrows(MalformedAnnouncementException.class, () -> AnnouncementMessages.read(body), body);
        }
    }

    @Test
    void aPageIsBoundedByWhatOneBatchGetReads() {
        List<String> tooMany = IntStream.rangeClosed(0, Announcement.MAX_RECIPIENTS).mapToObj(i -> "s" + i).toList();
        assertThrows(IllegalArgumentException.class, () -> new Announcement("p1", "t", "", Set.of(), tooMany));
    }
}
