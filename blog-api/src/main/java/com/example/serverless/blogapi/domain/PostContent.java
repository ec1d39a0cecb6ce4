package com.example.serverless.blogapi.domain;

import java.util.Set;

/** What an author writes; validated at the API's edge. */
public record PostContent(String title, String summary, String body, Set<String> tags) {
}
