package com.example.serverless.blog.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The send queue's message body: an {@link Announcement} as JSON. Both ends are ours, so a body that does not read
 * back whole (unknown or missing fields, wrong types) is a poison message, not something to guess at.
 */
public final class AnnouncementMessages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private AnnouncementMessages() {
    }

    public static String body(Announcement announcement) {
        try {
            return JSON.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An announcement always writes as JSON", e);
        }
    }

    /** @throws MalformedAnnouncementException when the body is no announcement */
    public static Announcement read(String body) {
        try {
            return JSON.readValue(body, Announcement.class);
        } catch (JsonProcessingException e) {
            // Jackson wraps what the record's constructor refuses, so this covers invalid values too.
            throw new MalformedAnnouncementException("The message is no announcement: " + e.getOriginalMessage(), e);
        }
    }
}
