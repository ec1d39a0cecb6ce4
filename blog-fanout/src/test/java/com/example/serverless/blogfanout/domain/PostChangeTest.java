package com.example.serverless.blogfanout.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PostChangeTest {

    /** Every event type against absent, draft, published and an unknown status, before and after. */
    static Stream<Arguments> everyTransition() {
        String none = null;
        return Stream.of(
                // INSERT: no old image; publishes only if inserted as PUBLISHED
                Arguments.of(ChangeType.INSERT, none, "PUBLISHED", true),
                Arguments.of(ChangeType.INSERT, none, "DRAFT", false),
                Arguments.of(ChangeType.INSERT, none, "published", false),
                Arguments.of(ChangeType.INSERT, none, none, false),
                // MODIFY: only into PUBLISHED from anything else
                Arguments.of(ChangeType.MODIFY, "DRAFT", "PUBLISHED", true),
                Arguments.of(ChangeType.MODIFY, "SCHEDULED", "PUBLISHED", true),
                Arguments.of(ChangeType.MODIFY, none, "PUBLISHED", true),
                Arguments.of(ChangeType.MODIFY, "PUBLISHED", "PUBLISHED", false),
                Arguments.of(ChangeType.MODIFY, "PUBLISHED", "DRAFT", false),
                Arguments.of(ChangeType.MODIFY, "PUBLISHED", none, false),
                Arguments.of(ChangeType.MODIFY, "DRAFT", "DRAFT", false),
                Arguments.of(ChangeType.MODIFY, "DRAFT", none, false),
                Arguments.of(ChangeType.MODIFY, none, none, false),
                // REMOVE: never, whatever the old status
                Arguments.of(ChangeType.REMOVE, "PUBLISHED", none, false),
                Arguments.of(ChangeType.REMOVE, "DRAFT", none, false),
                Arguments.of(ChangeType.REMOVE, none, none, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} publishes: {3}")
    @MethodSource("everyTransition")
    void onlyTheTransitionIntoPublishedPublishes(ChangeType type, String before, String after, boolean publishes) {
        PostChange change = new PostChange(type, "p1", Optional.ofNullable(before), Optional.ofNullable(after));

        assertEquals(publishes, change.publishes());
    }

    @Test
    void aChangeWithoutPostIdIsInvalid() {
        assertThrows(InvalidPostException.class,
                () -> new PostChange(ChangeType.INSERT, " ", Optional.empty(), Optional.of("PUBLISHED")));
    }

    @Test
    void aPostWithoutTitleIsInvalid() {
        assertThrows(InvalidPostException.class, () -> new Post("p1", " ", "", null));
        assertThrows(InvalidPostException.class, () -> new Post("p1", null, "", null));
    }
}
