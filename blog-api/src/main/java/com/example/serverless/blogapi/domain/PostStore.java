package com.example.serverless.blogapi.domain;

import java.util.Optional;

public interface PostStore {

    /** Published posts, newest first; {@code after} is a cursor this store returned. */
    PostPage published(int limit, Optional<String> after);

    Optional<Post> find(String slug);

    /** @throws PostConflictException when the slug is taken */
    void create(Post post);

    /** Writes the post if the stored one still has {@code expectedVersion}. @throws PreconditionFailedException */
    void replace(Post post, long expectedVersion);
}
