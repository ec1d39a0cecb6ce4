package com.example.serverless.blogapi.domain;

import java.time.Clock;
import java.util.Optional;

/**
 * Readers see published posts only. Authors create drafts, edit them and publish them, each write conditional on the
 * version the author last saw. Publishing is only a write of the post: the posts table's stream announces it.
 */
public class PostService {

    private final PostStore store;
    private final Clock clock;

    public PostService(PostStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public PostPage published(int limit, Optional<String> after) {
        return store.published(limit, after);
    }

    public Post publishedPost(String slug) {
        return store.find(slug).filter(post -> post.status() == PostStatus.PUBLISHED)
                .orElseThrow(() -> new PostNotFoundException("There is no published post " + slug));
    }

    public Post createDraft(String slug, PostContent content, String author) {
        Post draft = new Post(slug, content.title(), content.summary(), content.body(), content.tags(), PostStatus.DRAFT,
                author, Optional.empty(), 1);
        store.create(draft);
        return draft;
    }

    public Post edit(String slug, Optional<Long> ifMatch, PostContent content) {
        long expected = ifMatch.orElseThrow(PreconditionRequiredException::new);
        Post current = current(slug, expected);
        Post edited = current.edited(content);
        store.replace(edited, expected);
        return edited;
    }

    public Post publish(String slug, Optional<Long> ifMatch) {
        long expected = ifMatch.orElseThrow(PreconditionRequiredException::new);
        Post current = current(slug, expected);
        if (current.status() == PostStatus.PUBLISHED) {
            throw new PostConflictException("The post is published already");
        }
        Post published = current.published(clock.instant());
        store.replace(published, expected);
        return published;
    }

    private Post current(String slug, long expectedVersion) {
        Post current = store.find(slug).orElseThrow(() -> new PostNotFoundException("There is no post " + slug));
        if (current.version() != expectedVersion) {
            throw new PreconditionFailedException("The post is at version " + current.version());
        }
        return current;
    }
}
