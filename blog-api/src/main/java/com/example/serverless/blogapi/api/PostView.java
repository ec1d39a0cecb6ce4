package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.domain.Post;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A post as readers and authors get it; {@code body} is absent in lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostView(String slug, String title, String summary, String body, List<String> tags, String status,
                       Instant publishedAt) {

    static PostView full(Post post) {
        return new PostView(post.slug(), post.title(), post.summary(), post.body(), post.tags().stream().sorted().toList(),
                post.status().name().toLowerCase(Locale.ROOT), post.publishedAt().orElse(null));
    }

    static PostView listed(Post post) {
        return new PostView(post.slug(), post.title(), post.summary(), null, post.tags().stream().sorted().toList(),
                null, post.publishedAt().orElse(null));
    }
}
