package com.example.serverless.blogapi.api;

import com.example.serverless.blogapi.domain.Post;
import com.example.serverless.blogapi.domain.PostPage;
import com.example.serverless.blogapi.domain.PostService;
import com.example.serverless.blogapi.domain.PreconditionFailedException;
import com.example.serverless.http.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Readers: the published posts, newest first, and one post (no sign-in; cacheable, conditional GET). Authors (the
 * JWT authorizer's caller, in the Cognito group "authors"): drafts created, edited and published, each write
 * conditional on the ETag (the post's version) the author last saw.
 */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    static final String AUTHORS = "authors";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;
    private static final Duration LIST_MAX_AGE = Duration.ofMinutes(1);
    private static final Duration POST_MAX_AGE = Duration.ofMinutes(5);

    private final PostService posts;
    private final Caller caller;
    private final CachedResponses cached;

    public PostResource(PostService posts, Caller caller, CachedResponses cached) {
        this.posts = posts;
        this.caller = caller;
        this.cached = cached;
    }

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("next") String next, @Context Request request) {
        PostPage page = posts.published(pageSize(limit), Optional.ofNullable(next));
        return cached.ok(new PostPageView(page.posts().stream().map(PostView::listed).toList(), page.next().orElse(null)),
                request, LIST_MAX_AGE);
    }

    @GET
    @Path("/{slug}")
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        return cached.ok(PostView.full(posts.publishedPost(slug)), request, POST_MAX_AGE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<PostView> create(@Valid @NotNull PostRequest body) {
        String author = caller.idInGroup(AUTHORS);
        if (body.slug() == null) {
            throw new InvalidParameterException("slug", "is required");
        }
        Post draft = posts.createDraft(body.slug(), body.content(), author);
        return RestResponse.ResponseBuilder.<PostView>created(URI.create("/posts/" + draft.slug()))
                .entity(PostView.full(draft)).tag(etag(draft)).build();
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<PostView> edit(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequest body) {
        caller.idInGroup(AUTHORS);
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw new InvalidParameterException("slug", "cannot change; create a new post instead");
        }
        return withEtag(posts.edit(slug, version(ifMatch), body.content()));
    }

    @POST
    @Path("/{slug}/publication")
    public RestResponse<PostView> publish(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        caller.idInGroup(AUTHORS);
        return withEtag(posts.publish(slug, version(ifMatch)));
    }

    private static RestResponse<PostView> withEtag(Post post) {
        return RestResponse.ResponseBuilder.ok(PostView.full(post)).tag(etag(post)).build();
    }

    private static EntityTag etag(Post post) {
        return new EntityTag(Long.toString(post.version()));
    }

    /** If-Match names one version, as this API's ETags do: {@code "3"}. */
    private static Optional<Long> version(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (!tag.matches("\"[1-9][0-9]{0,17}\"")) {
            throw new PreconditionFailedException("If-Match must be the post's ETag, like \"3\"");
        }
        return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size = limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : 0;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return size;
    }
}
