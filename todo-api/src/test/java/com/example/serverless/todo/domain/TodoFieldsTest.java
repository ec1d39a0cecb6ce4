package com.example.serverless.todo.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TodoFieldsTest {

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aTitleAloneIsEnough() {
        TodoFields fields = new TodoFields("Buy milk", null, null, null, TodoStatus.OPEN);

        assertEquals(List.of(), fields.tags());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        List<String> elevenTags = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();

        ValidationException e = assertThrows(ValidationException.class,
                () -> new TodoFields("", "d".repeat(2001), null, elevenTags, null));

        assertEquals(List.of("title", "description", "tags", "status"), fieldsOf(e));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);

        assertEquals(twoHundredEmoji, new TodoFields(twoHundredEmoji, null, null, null, TodoStatus.OPEN).title());
        assertThrows(ValidationException.class,
                () -> new TodoFields(twoHundredEmoji + "x", null, null, null, TodoStatus.OPEN));
    }

    @Test
    void tagsAreDeduplicatedInOrderAndEachIsChecked() {
        assertEquals(List.of("b", "a"), new TodoFields("t", null, null, List.of("b", "a", "b"), TodoStatus.DONE).tags());

        ValidationException e = assertThrows(ValidationException.class,
                () -> new TodoFields("t", null, null, List.of("ok", " ", "x".repeat(51)), TodoStatus.OPEN));
        assertEquals(List.of("tags[1]", "tags[2]"), fieldsOf(e));
    }
}
