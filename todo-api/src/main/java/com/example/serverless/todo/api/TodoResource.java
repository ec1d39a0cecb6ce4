package com.example.serverless.todo.api;

import com.example.serverless.http.Caller;
import com.example.serverless.todo.domain.IdempotencyKey;
import com.example.serverless.todo.domain.IfMatch;
import com.example.serverless.todo.domain.Page;
import com.example.serverless.todo.domain.PresignedUrl;
import com.example.serverless.todo.domain.Todo;
import com.example.serverless.todo.domain.TodoService;
import com.example.serverless.todo.domain.TodoStatus;
import com.example.serverless.todo.domain.UploadTicket;
import com.example.serverless.todo.domain.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/** The MyTodoList REST API. Every operation acts on the caller's own todos only. */
@Path("/todos")
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final TodoService todos;
    private final Caller caller;
    private final JsonBodies bodies;

    public TodoResource(TodoService todos, Caller caller, JsonBodies bodies) {
        this.todos = todos;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<TodoView> create(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey)
            throws JsonProcessingException {
        String owner = caller.id();
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new);
        Todo todo = todos.create(owner, TodoJson.read(bodies.tree(body)).asNew(TodoStatus.OPEN), key);
        return RestResponse.ResponseBuilder.<TodoView>created(URI.create("/todos/" + todo.id()))
                .entity(TodoView.of(todo))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(todo.version()))
                .build();
    }

    @GET
    public TodoPageView list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("next") String next) {
        Page<Todo> page = todos.list(caller.id(), statusFilter(status), pageSize(limit), Optional.ofNullable(next));
        return new TodoPageView(page.items().stream().map(TodoView::of).toList(), page.next().orElse(null));
    }

    @GET
    @Path("/{id}")
    public RestResponse<TodoView> get(@PathParam("id") String id) {
        return withEtag(todos.get(caller.id(), id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<TodoView> replace(@PathParam("id") String id, @HeaderParam("If-Match") List<String> ifMatch,
            byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        return withEtag(todos.replace(owner, id, IfMatch.parse(joined(ifMatch)), TodoJson.read(bodies.tree(body)).asNew(null)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH_JSON)
    public RestResponse<TodoView> patch(@PathParam("id") String id, @HeaderParam("If-Match") List<String> ifMatch,
            byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        return withEtag(todos.patch(owner, id, IfMatch.parse(joined(ifMatch)), TodoJson.read(bodies.tree(body))));
    }

    @DELETE
    @Path("/{id}")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        todos.delete(caller.id(), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<UploadView> attach(@PathParam("id") String id, byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        UploadTicket ticket = todos.attach(owner, id, TodoJson.readAttachment(bodies.tree(body)));
        PresignedUrl upload = ticket.upload();
        return RestResponse.ResponseBuilder
                .<UploadView>created(URI.create("/todos/" + id + "/attachments/" + ticket.attachment().id()))
                .entity(new UploadView(ticket.attachment(), upload.url(), upload.method(), upload.headers(),
                        upload.expiresAt()))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(ticket.todo().version()))
                .build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    public DownloadView download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        PresignedUrl download = todos.download(caller.id(), id, attachmentId);
        return new DownloadView(download.url(), download.expiresAt());
    }

    /** A header sent as one comma-separated value may reach us split into several. */
    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static RestResponse<TodoView> withEtag(Todo todo) {
        return RestResponse.ResponseBuilder.ok(TodoView.of(todo))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(todo.version()))
                .build();
    }

    private static Optional<TodoStatus> statusFilter(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(TodoStatus.fromWireName(status)
                .orElseThrow(() -> new ValidationException("status", "must be \"open\" or \"done\"")));
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
