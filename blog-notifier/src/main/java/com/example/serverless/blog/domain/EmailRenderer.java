package com.example.serverless.blog.domain;

import com.example.serverless.blog.subscriptions.Announcement;
import com.example.serverless.blog.subscriptions.SubscriberIds;
import com.example.serverless.email.Email;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the announcement from the Qute templates in {@code email/} (HTML and plain text). Values are plain
 * strings in a map, so nothing needs reflection; in the HTML variant every value is HTML-escaped, so a title
 * like {@code <script>} arrives as text. Rendering is strict: a template that names a missing value fails.
 */
public final class EmailRenderer {

    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);

    private final Template subject;
    private final Template html;
    private final Template text;
    private final URI siteUrl;
    private final URI unsubscribeUrl;

    public EmailRenderer(URI siteUrl, URI unsubscribeUrl) {
        Engine engine = Engine.builder()
                .addDefaults()
                .strictRendering(true)
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .build();
        this.subject = engine.parse(resource("email/post-published-subject.txt").strip(), TEXT);
        this.html = engine.parse(resource("email/post-published.html"), HTML);
        this.text = engine.parse(resource("email/post-published.txt"), TEXT);
        this.siteUrl = siteUrl;
        this.unsubscribeUrl = unsubscribeUrl;
    }

    public Email render(Announcement post, Subscriber subscriber, String unsubscribeToken) {
        String unsubscribe = unsubscribeUrl + "?token=" + unsubscribeToken;
        Map<String, Object> data = Map.of(
                "title", post.title(),
                "summary", post.summary(),
                "postUrl", siteUrl.toString().replaceAll("/+$", "") + "/posts/" + pathSegment(post.postId()),
                "unsubscribeUrl", unsubscribe);
        // SES names the tag back in its bounce and complaint events (blog-feedback marks the subscriber by it).
        return new Email(subscriber.email(),
                subject.data(data).render().strip(),
                html.data(data).render(),
                text.data(data).render(),
                Map.of(SubscriberIds.EMAIL_TAG, subscriber.subscriberId()),
                Optional.of(unsubscribe));
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String resource(String name) {
        try (InputStream in = EmailRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing email template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read email template " + name, e);
        }
    }
}
