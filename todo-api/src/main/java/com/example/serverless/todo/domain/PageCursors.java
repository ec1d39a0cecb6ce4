package com.example.serverless.todo.domain;

import com.example.serverless.signing.InvalidTokenException;
import com.example.serverless.signing.TokenSigner;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Opaque, tamper-evident pagination cursors: the id of the last todo of a page, signed (see {@link TokenSigner}) for
 * the caller and the status filter, so a cursor cannot be edited, replayed with another filter, or used by another
 * user. Cursors carry their key's id: after a key rotation, cursors handed out before it still work.
 */
public final class PageCursors {

    private final TokenSigner signer;

    public PageCursors(TokenSigner signer) {
        this.signer = signer;
    }

    public String encode(String ownerId, Optional<TodoStatus> status, String lastTodoId) {
        return signer.sign(context(ownerId, status), lastTodoId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the last todo on the previous page. */
    public String decode(String ownerId, Optional<TodoStatus> status, String cursor) {
        try {
            return new String(signer.verify(context(ownerId, status), cursor), StandardCharsets.UTF_8);
        } catch (InvalidTokenException e) {
            throw new BadCursorException(switch (e.reason()) {
                case MALFORMED -> "The cursor is not one this service issued";
                case UNKNOWN_KEY -> "The cursor has expired: list again from the first page";
                case BAD_SIGNATURE -> "The cursor was altered, or issued for another query";
            });
        }
    }

    private static String context(String ownerId, Optional<TodoStatus> status) {
        return "todo-page-cursor\n" + ownerId + "\n" + status.map(TodoStatus::wireName).orElse("*");
    }
}
