package com.example.serverless.blogfanout.domain;

import java.util.Set;

/** A published post, as far as the announcement email needs it. */
public record Post(String postId, String title, String summary, Set<String> tags) {

    public Post {
        if (postId == null || postId.isBlank()) {
            throw new InvalidPostException("The post has no postId");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidPostException("Post " + postId + " has no title");
        }
        summary = summary == null ? "" : summary;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
