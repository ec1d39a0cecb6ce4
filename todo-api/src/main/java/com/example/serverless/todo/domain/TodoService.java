package com.example.serverless.todo.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The MyTodoList rules: every todo belongs to one owner, and every change is checked against its version. */
public class TodoService {

    private static final int MAX_ATTEMPTS_FOR_UNCONDITIONAL_CHANGES = 3;

    private final TodoStore store;
    private final AttachmentUrls attachmentUrls;
    private final PageCursors cursors;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final Duration idempotencyWindow;
    private final TodoMetrics metrics;

    public TodoService(TodoStore store, AttachmentUrls attachmentUrls, PageCursors cursors, TimeOrderedIds ids,
            Clock clock, Duration idempotencyWindow, TodoMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.attachmentUrls = attachmentUrls;
        this.cursors = cursors;
        this.ids = ids;
        this.clock = clock;
        this.idempotencyWindow = idempotencyWindow;
    }

    public Todo create(String ownerId, TodoFields fields, Optional<IdempotencyKey> idempotencyKey) {
        Instant now = clock.instant();
        Todo todo = Todo.created(ids.next(), ownerId, fields, now);
        if (idempotencyKey.isEmpty()) {
            store.insert(todo);
            metrics.todoCreated();
            return todo;
        }
        String requestHash = hash(fields);
        Optional<TodoStore.IdempotentCreate> earlier = store.insertOnce(
                todo, idempotencyKey.get(), requestHash, now.plus(idempotencyWindow));
        if (earlier.isEmpty()) {
            metrics.todoCreated();
            return todo;
        }
        if (!earlier.get().requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException();
        }
        return earlier.get().created();
    }

    public Todo get(String ownerId, String todoId) {
        if (!TimeOrderedIds.isWellFormed(todoId)) {
            throw new TodoNotFoundException(todoId);
        }
        return store.find(ownerId, todoId).orElseThrow(() -> new TodoNotFoundException(todoId));
    }

    public Page<Todo> list(String ownerId, Optional<TodoStatus> status, int limit, Optional<String> cursor) {
        Optional<String> after = cursor.map(c -> cursors.decode(ownerId, status, c));
        TodoStore.StoredPage page = store.list(ownerId, status, limit, after);
        return new Page<>(page.items(), page.lastTodoId().map(last -> cursors.encode(ownerId, status, last)));
    }

    public Todo replace(String ownerId, String todoId, IfMatch ifMatch, TodoFields fields) {
        return change(ownerId, todoId, ifMatch, current -> current.withFields(fields, clock.instant()));
    }

    public Todo patch(String ownerId, String todoId, IfMatch ifMatch, TodoPatch patch) {
        return change(ownerId, todoId, ifMatch,
                current -> current.withFields(patch.applyTo(current.fields()), clock.instant()));
    }

    /** Deleting is idempotent: deleting a todo that is not there (any more, or never was) succeeds. */
    public void delete(String ownerId, String todoId) {
        if (TimeOrderedIds.isWellFormed(todoId)) {
            store.delete(ownerId, todoId);
        }
    }

    public UploadTicket attach(String ownerId, String todoId, AttachmentRequest request) {
        String attachmentId = ids.next();
        String key = "users/" + ownerId + "/todos/" + todoId + "/" + attachmentId + "/" + request.fileName();
        Attachment attachment = new Attachment(attachmentId, key, request.fileName(), request.contentType(),
                request.size());
        Todo todo = changeRetryingLostRaces(ownerId, todoId,
                current -> current.withAttachment(attachment, clock.instant()));
        return new UploadTicket(todo, attachment,
                attachmentUrls.upload(key, request.contentType(), request.size()));
    }

    public PresignedUrl download(String ownerId, String todoId, String attachmentId) {
        Attachment attachment = get(ownerId, todoId).attachment(attachmentId)
                .orElseThrow(() -> new TodoNotFoundException(todoId + "/attachments/" + attachmentId));
        return attachmentUrls.download(attachment.key());
    }

    /**
     * For changes the caller did not make conditional (adding an attachment names no version): a write that
     * lost a race is simply applied again to the newer version, a bounded number of times.
     */
    private Todo changeRetryingLostRaces(String ownerId, String todoId, UnaryOperator<Todo> changeOf) {
        IfMatch anyVersion = new IfMatch(true, List.of());
        for (int attempt = 1; ; attempt++) {
            try {
                return change(ownerId, todoId, anyVersion, changeOf);
            } catch (PreconditionFailedException lostRace) {
                if (attempt == MAX_ATTEMPTS_FOR_UNCONDITIONAL_CHANGES) {
                    throw lostRace;
                }
            }
        }
    }

    private Todo change(String ownerId, String todoId, IfMatch ifMatch,
            UnaryOperator<Todo> changeOf) {
        if (ifMatch == null) {
            throw new PreconditionRequiredException();
        }
        Todo current = get(ownerId, todoId);
        if (!ifMatch.matches(current.version())) {
            throw new PreconditionFailedException(todoId, current.version());
        }
        Todo next = changeOf.apply(current);
        try {
            store.replaceIfVersion(next);
        } catch (TodoStore.StaleVersionException e) {
            // Someone else wrote between our read and our write: their version wins, ours is refused.
            throw new PreconditionFailedException(todoId, next.version());
        }
        return next;
    }

    private static String hash(TodoFields fields) {
        try {
            // A record's toString lists every component by name: a stable description of the request.
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(fields.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
