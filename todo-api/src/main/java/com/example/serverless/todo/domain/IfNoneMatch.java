package com.example.serverless.todo.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The If-None-Match precondition of a conditional GET (RFC 9110 section 13.1.2): {@code *} or a list of entity tags,
 * compared weakly ({@code W/"3"} matches {@code "3"}), as the RFC requires for this header. A header that is not a
 * well-formed list is no precondition at all: the client simply gets the full answer.
 */
public record IfNoneMatch(boolean any, List<String> opaqueTags) {

    // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");

    public IfNoneMatch {
        opaqueTags = List.copyOf(opaqueTags);
    }

    /** Empty when the header is absent or malformed. */
    public static Optional<IfNoneMatch> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (header.strip().equals("*")) {
            return Optional.of(new IfNoneMatch(true, List.of()));
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.isBlank()) {
                continue; // RFC 9110 section 5.6.1: empty list elements are ignored
            }
            Matcher tag = ENTITY_TAG.matcher(part.strip());
            if (!tag.matches()) {
                return Optional.empty();
            }
            tags.add(tag.group(1));
        }
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IfNoneMatch(false, tags));
    }

    /** Whether the client's copy is current, so a 304 may answer; {@code currentEtag} is a strong tag such as {@code "3"}. */
    public boolean matches(String currentEtag) {
        if (any) {
            return true;
        }
        String opaque = currentEtag.substring(1, currentEtag.length() - 1);
        return opaqueTags.contains(opaque);
    }
}
