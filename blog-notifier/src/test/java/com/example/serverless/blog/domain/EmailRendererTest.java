package com.example.serverless.blog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.SubscriberStatus;
import com.example.serverless.email.Email;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer(URI.create("https://blog.example.com/"),
            URI.create("https://blog.example.com/unsubscribe"));
    private final Subscriber ada = new Subscriber("s1", "ada@example.com", SubscriberStatus.CONFIRMED, Set.of());

    @Test
    void theEmailCarriesTitleSummaryPostLinkAndUnsubscribeLink() {
        Email email = renderer.render(post("hello-world", "Hello, world", "First post.", Set.of()), ada, "tok.1.sig");

        assertEquals("ada@example.com", email.to());
        assertEquals("New on the blog: Hello, world", email.subject());
        assertEquals(Optional.of("https://blog.example.com/unsubscribe?token=tok.1.sig"), email.oneClickUnsubscribeUrl());
        assertEquals(Map.of("subscriberId", "s1"), email.tags(), "SES names it back in bounce and complaint events");
        assertTrue(email.htmlBody().contains("<a href=\"https://blog.example.com/posts/hello-world\">Hello, world</a>"));
        assertTrue(email.htmlBody().contains("<p>First post.</p>"));
        assertTrue(email.htmlBody().contains("href=\"https://blog.example.com/unsubscribe?token=tok.1.sig\""));
        assertTrue(email.textBody().startsWith("Hello, world\n"));
        assertTrue(email.textBody().contains("Read the post: https://blog.example.com/posts/hello-world"));
        assertTrue(email.textBody().contains("Unsubscribe: https://blog.example.com/unsubscribe?token=tok.1.sig"));
    }

    @Test
    void titlesAndSummariesAreHtmlEscapedInTheHtmlBodyOnly() {
        Announcement post = post("p1", "<script>alert('x')</script> & \"more\"", "a < b", Set.of());

        Email email = renderer.render(post, ada, "t");

        assertFalse(email.htmlBody().contains("<script>"));
        assertTrue(email.htmlBody().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"));
        assertTrue(email.htmlBody().contains("<p>a &lt; b</p>"));
        assertTrue(email.textBody().startsWith("<script>alert('x')</script> & \"more\""), "text stays text");
        assertEquals("New on the blog: <script>alert('x')</script> & \"more\"", email.subject());
    }

    @Test
    void postIdsAreEncodedAsOnePathSegment() {
        Email email = renderer.render(post("a b/c?d", "T", "", Set.of()), ada, "t");

        assertTrue(email.textBody().contains("https://blog.example.com/posts/a%20b%2Fc%3Fd"));
    }

    @Test
    void aMissingSummaryRendersAsEmpty() {
        Email email = renderer.render(post("p1", "T", null, Set.of()), ada, "t");

        assertTrue(email.htmlBody().contains("<p></p>"));
    }

    private static Announcement post(String postId, String title, String summary, Set<String> tags) {
        return new Announcement(postId, title, summary, tags, List.of("s1"));
    }
}
