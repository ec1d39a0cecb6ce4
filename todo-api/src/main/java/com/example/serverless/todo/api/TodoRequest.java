package com.example.serverless.todo.api;

import com.example.serverless.todo.domain.TodoFields;
import com.example.serverless.todo.domain.TodoStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /todos} (status defaults to open) and {@code PUT /todos/{id}} (status required). */
@Schema(name = "TodoRequest", description = "A todo's fields; PUT replaces all of them")
public record TodoRequest(
        @NotBlank @MaxCodePoints(TodoFields.MAX_TITLE) @Schema(maxLength = TodoFields.MAX_TITLE, examples = "Buy milk")
        String title,
        @MaxCodePoints(TodoFields.MAX_DESCRIPTION) @Schema(maxLength = TodoFields.MAX_DESCRIPTION)
        String description,
        LocalDate dueDate,
        @Size(max = TodoFields.MAX_TAGS) @Schema(description = "Duplicates are stored once")
        List<@NotBlank @MaxCodePoints(TodoFields.MAX_TAG) String> tags,
        @Pattern(regexp = TodoStatusNames.PATTERN, message = TodoStatusNames.MESSAGE)
        @Schema(enumeration = {"open", "done"}, description = "Required by PUT; POST creates open todos by default")
        String status) {

    TodoFields fields(TodoStatus defaultStatus) {
        return new TodoFields(title, description, dueDate, tags,
                status == null ? defaultStatus : TodoStatusNames.parse(status));
    }
}
