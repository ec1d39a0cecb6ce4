package com.example.serverless.todo.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The If-Match precondition (RFC 9110 section 13.1.1): {@code *} or a list of strong entity tags. Our ETag
 * is the todo's version in quotes, e.g. {@code "3"}. Weak tags never match, as the RFC requires.
 */
public record IfMatch(boolean any, List<String> tags) {

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /** Returns {@code null} when the header is absent; callers turn that into 428 Precondition Required. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            tags.add(part.strip());
        }
        return new IfMatch(false, tags);
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    public boolean matches(long currentVersion) {
        return any || tags.contains(etagOf(currentVersion));
    }
}
