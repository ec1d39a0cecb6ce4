package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.TodoFields;
import com.example.serverless.todo.domain.TodoPatch;
import com.example.serverless.todo.domain.TodoPatch.FieldChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /todos/{id}} ({@code application/merge-patch+json}, RFC 7396): a field left out is kept,
 * a field set to {@code null} is removed (refused for the title and the status), any other value replaces it. A
 * record cannot tell "absent" from "null", so {@link #patch} is given the names the body contained.
 */
@Schema(name = "TodoMergePatch", description = "RFC 7396 merge patch: absent keeps a field, null removes it")
public record TodoMergePatch(
        @MaxCodePoints(TodoFields.MAX_TITLE) @Schema(maxLength = TodoFields.MAX_TITLE)
        String title,
        @MaxCodePoints(TodoFields.MAX_DESCRIPTION) @Schema(maxLength = TodoFields.MAX_DESCRIPTION)
        String description,
        LocalDate dueDate,
        @Size(max = TodoFields.MAX_TAGS)
        List<@NotBlank @MaxCodePoints(TodoFields.MAX_TAG) String> tags,
        @Pattern(regexp = TodoStatusNames.PATTERN, message = TodoStatusNames.MESSAGE) @Schema(enumeration = {"open", "done"})
        String status) {

    TodoPatch patch(Set<String> present) {
        return new TodoPatch(
                change(present, "title", title),
                change(present, "description", description),
                change(present, "dueDate", dueDate),
                change(present, "tags", tags),
                change(present, "status", status == null ? null : TodoStatusNames.parse(status)));
    }

    private static <T> FieldChange<T> change(Set<String> present, String field, T value) {
        if (!present.contains(field)) {
            return FieldChange.keep();
        }
        return value == null ? new FieldChange.Remove<>() : new FieldChange.Set<>(value);
    }
}
