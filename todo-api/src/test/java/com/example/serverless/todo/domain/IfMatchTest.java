package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void anAbsentHeaderIsNoPrecondition() {
        assertNull(IfMatch.parse(null));
        assertNull(IfMatch.parse(" "));
    }

    @Test
    void aStrongTagMatchesItsVersionOnly() {
        assertTrue(IfMatch.parse("\"3\"").matches(3));
        assertFalse(IfMatch.parse("\"3\"").matches(4));
        assertFalse(IfMatch.parse("3").matches(3), "an unquoted value is not an entity tag");
    }

    @Test
    void weakTagsNeverMatch() {
        assertFalse(IfMatch.parse("W/\"3\"").matches(3));
    }

    @Test
    void aListMatchesAnyOfItsTagsAndStarMatchesEverything() {
        assertTrue(IfMatch.parse("\"1\", \"3\"").matches(3));
        assertTrue(IfMatch.parse("*").matches(42));
    }
}
