package com.example.serverless.todo.api;

import com.example.serverless.http.Caller;
import com.example.serverless.http.Problem;
import com.example.serverless.todo.domain.IdempotencyKey;
import com.example.serverless.todo.domain.IfMatch;
import com.example.serverless.todo.domain.IfNoneMatch;
import com.example.serverless.todo.domain.PageEtags;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The MyTodoList REST API. Every operation acts on the caller's own todos only. */
@Path("/todos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "todos")
@SecurityScheme(securitySchemeName = TodoResource.JWT, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A Cognito access token; the HTTP API's JWT authorizer verifies it")
@SecurityRequirement(name = TodoResource.JWT)
@APIResponse(responseCode = "400", description = "validation, malformed-json or bad-cursor: errors names each refused field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "unauthenticated: no verified caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "internal: quote the instance when reporting it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "unavailable: storage is throttling or slow; retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TodoResource {

    static final String JWT = "cognitoJwt";

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    // Per-user data: no shared cache may keep it, and a client's copy is revalidated (If-None-Match) before each use.
    static final String CACHE_CONTROL = "private, no-cache";
    private static final String CACHE_CONTROL_DESCRIPTION = "private, no-cache: per-user data, revalidate before use";
    private static final String VARY_DESCRIPTION = "Authorization: the answer depends on the caller";
    private static final String IF_NONE_MATCH_DESCRIPTION = "ETags the client holds; a current one answers 304 with no body";
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
    @Operation(operationId = "createTodo", summary = "Create a todo; with Idempotency-Key a retry returns the same todo")
    @APIResponse(responseCode = "201", description = "Created; Location names the todo",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "idempotency-in-progress: a create with this key is running; retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-conflict: the key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TodoView> create(@RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoRequest.class))) byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey)
            throws JsonProcessingException {
        String owner = caller.id();
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new);
        Todo todo = todos.create(owner, bodies.read(body, TodoRequest.class).fields(TodoStatus.OPEN), key);
        return RestResponse.ResponseBuilder.<TodoView>created(URI.create("/todos/" + todo.id()))
                .entity(TodoView.of(todo))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(todo.version()))
                .build();
    }

    @GET
    @Operation(operationId = "listTodos", summary = "The caller's todos in creation order, a page at a time")
    @APIResponse(responseCode = "200", description = "One page; next is the cursor of the following page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoPageView.class)),
            headers = {
                    @Header(name = HttpHeaders.ETAG, description = "A strong tag of this page, for If-None-Match", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.VARY, description = VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified: the page is still the one If-None-Match names; no body",
            headers = {
                    @Header(name = HttpHeaders.ETAG, description = "The page's tag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.VARY, description = VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    public RestResponse<TodoPageView> list(
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"open", "done"})) String status,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("next") @Parameter(description = "The cursor a previous page answered") String next,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = IF_NONE_MATCH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)) List<String> ifNoneMatch) {
        String owner = caller.id();
        Page<Todo> page = todos.list(owner, statusFilter(status), pageSize(limit), Optional.ofNullable(next));
        return conditional(PageEtags.of(owner, page), ifNoneMatch,
                () -> new TodoPageView(page.items().stream().map(TodoView::of).toList(), page.next().orElse(null)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTodo", summary = "One todo")
    @APIResponse(responseCode = "200", description = "The todo",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoView.class)),
            headers = {
                    @Header(name = HttpHeaders.ETAG, description = "The version, for If-Match and If-None-Match", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.VARY, description = VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified: the todo is still the version If-None-Match names; no body",
            headers = {
                    @Header(name = HttpHeaders.ETAG, description = "The version", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = CACHE_CONTROL_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.VARY, description = VARY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TodoView> get(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = IF_NONE_MATCH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)) List<String> ifNoneMatch) {
        // The read is owner-scoped, so another user's todo is a 404 before any tag is compared.
        Todo todo = todos.get(caller.id(), id);
        return conditional(IfMatch.etagOf(todo.version()), ifNoneMatch, () -> TodoView.of(todo));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceTodo", summary = "Replace every field of a todo, if it is still the version named by If-Match")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "precondition-failed: the todo has changed; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TodoView> replace(@PathParam("id") String id,
            @HeaderParam("If-Match") @Parameter(required = true, description = "The ETag last seen, such as \"3\"",
                    schema = @Schema(type = SchemaType.STRING)) List<String> ifMatch,
            @RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoRequest.class))) byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        return withEtag(todos.replace(owner, id, IfMatch.parse(joined(ifMatch)), bodies.read(body, TodoRequest.class).fields(null)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH_JSON)
    @Operation(operationId = "patchTodo", summary = "Change some fields of a todo (RFC 7396 merge patch), if it is still the version named by If-Match")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TodoView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "precondition-failed: the todo has changed; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: a merge patch is application/merge-patch+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TodoView> patch(@PathParam("id") String id,
            @HeaderParam("If-Match") @Parameter(required = true, description = "The ETag last seen, such as \"3\"",
                    schema = @Schema(type = SchemaType.STRING)) List<String> ifMatch,
            @RequestBody(required = true,
                    content = @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = TodoMergePatch.class))) byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        JsonBodies.Present<TodoMergePatch> patch = bodies.readPresent(body, TodoMergePatch.class);
        return withEtag(todos.patch(owner, id, IfMatch.parse(joined(ifMatch)), patch.value().patch(patch.names())));
    }

    @DELETE
    @Path("/{id}")
    // Its only bodies are problems: a client that accepts nothing else (the generated one) must not get 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "deleteTodo", summary = "Delete a todo; deleting one that is not there succeeds too")
    @APIResponse(responseCode = "204", description = "Deleted, or was not there")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        todos.delete(caller.id(), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addAttachment", summary = "Add an attachment: answers a presigned URL that accepts exactly its type and size")
    @APIResponse(responseCode = "201", description = "Where and how to upload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = "The version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "too-many-attachments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "payload-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<UploadView> attach(@PathParam("id") String id, @RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentUploadRequest.class))) byte[] body) throws JsonProcessingException {
        String owner = caller.id();
        UploadTicket ticket = todos.attach(owner, id, bodies.read(body, AttachmentUploadRequest.class).request());
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
    @Operation(operationId = "getAttachment", summary = "A presigned URL to download an attachment")
    @APIResponse(responseCode = "200", description = "Where to download",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DownloadView.class)))
    @APIResponse(responseCode = "404", description = "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DownloadView download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        PresignedUrl download = todos.download(caller.id(), id, attachmentId);
        return new DownloadView(download.url(), download.expiresAt());
    }

    /**
     * A conditional GET: 304 with no body when the client's tag is current, else 200 with the body. Both carry the
     * tag and the caching rules, as RFC 9110 section 15.4.5 asks of a 304.
     */
    private static <T> RestResponse<T> conditional(String etag, List<String> ifNoneMatch, Supplier<T> body) {
        boolean current = IfNoneMatch.parse(joined(ifNoneMatch)).map(tags -> tags.matches(etag)).orElse(false);
        RestResponse.ResponseBuilder<T> response = current
                ? RestResponse.ResponseBuilder.create(Response.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(body.get());
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
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
        return Optional.of(TodoStatusNames.parse(status));
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
