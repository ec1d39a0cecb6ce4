package com.example.serverless.blogapi.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A post. Its slug is its id (the posts table's {@code postId}, the last part of its URL). {@code version} starts at 1
 * and grows with every write: it is the ETag authors send back in If-Match.
 */
public record Post(String slug, String title, String summary, String body, Set<String> tags, PostStatus status,
                   String author, Optional<Instant> publishedAt, long version) {

    public Post {
        tags = Set.copyOf(tags);
    }

    public Post edited(PostContent content) {
        return new Post(slug, content.title(), content.summary(), content.body(), content.tags(), status, author,
                publishedAt, version + 1);
    }

    public Post published(Instant at) {
        return new Post(slug, title, summary, body, tags, PostStatus.PUBLISHED, author, Optional.of(at), version + 1);
    }
}
