package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.domain.PostContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** An author's post: {@code POST /posts} (with the slug) and {@code PUT /posts/{slug}} (slug ignored if equal). */
public record PostRequest(
        @Pattern(regexp = PostRequest.SLUG, message = "must be 1 to 80 lower-case letters, digits or '-'") String slug,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 500) String summary,
        @NotBlank @Size(max = 100_000) String body,
        @NotNull @Size(max = 10) Set<@NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> tags) {

    static final String SLUG = "[a-z0-9][a-z0-9-]{0,79}";

    PostContent content() {
        return new PostContent(title.strip(), summary.strip(), body, tags);
    }
}
