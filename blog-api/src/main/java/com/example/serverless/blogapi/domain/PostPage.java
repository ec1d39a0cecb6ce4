package com.example.serverless.blogapi.domain;

import java.util.List;
import java.util.Optional;

/** Published posts, newest first, and where the next page starts. */
public record PostPage(List<Post> posts, Optional<String> next) {
}
