package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IfNoneMatchTest {

    @Test
    void anAbsentOrMalformedHeaderIsNoPrecondition() {
        assertTrue(IfNoneMatch.parse(null).isEmpty());
        assertTrue(IfNoneMatch.parse(" ").isEmpty());
        assertTrue(IfNoneMatch.parse("3").isEmpty(), "an unquoted value is not an entity tag");
        assertTrue(IfNoneMatch.parse("\"3\", 4").isEmpty(), "one bad member spoils the list");
        assertTrue(IfNoneMatch.parse("\"a\"b\"").isEmpty());
    }

    @Test
    void tagsCompareWeakly() {
        assertTrue(IfNoneMatch.parse("\"3\"").orElseThrow().matches("\"3\""));
        assertTrue(IfNoneMatch.parse("W/\"3\"").orElseThrow().matches("\"3\""));
        assertFalse(IfNoneMatch.parse("\"3\"").orElseThrow().matches("\"4\""));
    }

    @Test
    void aListMatchesAnyOfItsTagsAndStarMatchesEverything() {
        assertTrue(IfNoneMatch.parse("\"1\" , W/\"3\"").orElseThrow().matches("\"3\""));
        assertTrue(IfNoneMatch.parse("*").orElseThrow().matches("\"42\""));
        assertTrue(IfNoneMatch.parse("\"3\",, ").orElseThrow().matches("\"3\""), "empty list elements are ignored");
        assertTrue(IfNoneMatch.parse(", ,").isEmpty());
    }
}
