package com.example.serverless.blogapi.api;

import java.util.List;

/** A page of published posts; {@code next} is null on the last page. */
public record PostPageView(List<PostView> items, String next) {
}
