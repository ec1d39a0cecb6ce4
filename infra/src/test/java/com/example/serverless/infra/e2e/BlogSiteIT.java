package com.example.serverless.infra.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.example.serverless.infra.users.CognitoUsers.SignedInUser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/**
 * The blog site through its CloudFront distribution, as a browser sees it at the HTTP level: the pages from the
 * private bucket with the response-headers policy's security headers, the API under /api/* (an author's token and
 * If-Match reach it), HTTP redirected to HTTPS, and the bucket itself closed to everyone but the distribution.
 * The pages in a real browser: {@link BlogSiteBrowserIT}.
 */
@ExtendWith(E2eStack.class)
class BlogSiteIT {

    /** The managed CachingDisabled cache policy. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    private static E2eStack.Stack stack;
    private static TestUsers users;
    private static BlogTestData written;

    @BeforeAll
    static void deployed(E2eStack.Stack deployed) {
        stack = deployed;
        users = new TestUsers(stack);
        written = new BlogTestData(stack);
    }

    @AfterAll
    static void removeWhatThisClassWrote() {
        if (written != null) {
            written.close();
            users.close();
        }
    }

    @Test
    void pagesComeFromTheBucketWithTheSecurityHeaders() {
        site().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1>Posts</h1>"), containsString("<script src=\"/site.js\" defer>"))
                .header("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self'; style-src 'self';"));
        site().get("/site.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .body(containsString("textContent"));
        site().get("/config.json").then().statusCode(200)
                .body("userPoolClientId", equalTo(stack.outputs().get("UserPoolClientId")));
    }

    @Test
    void anAuthorPublishesThroughTheApiBehaviourAndReadersSeeThePostThere() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        SignedInUser author = users.signUpInGroup("site-author-" + run, "authors");
        String slug = written.post("site-" + run);
        site().header("Authorization", "Bearer " + author.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Through CloudFront " + run, "summary", "s", "body", "b",
                        "tags", List.of()))
                .post("/api/posts").then().statusCode(201).body("status", equalTo("draft"));
        site().header("Authorization", "Bearer " + author.accessToken()).header("If-Match", "\"1\"")
                .post("/api/posts/" + slug + "/publication").then().statusCode(200).body("status", equalTo("published"));

        site().get("/api/posts/" + slug).then().statusCode(200).body("title", equalTo("Through CloudFront " + run))
                .header("X-Content-Type-Options", "nosniff");
        site().get("/api/posts").then().statusCode(200).body("items.slug", hasItem(slug));
    }

    @Test
    void plainHttpIsRedirectedToHttps() {
        URI site = URI.create(stack.outputs().get("SiteUrl"));
        RequestSpecification http = stack.isLocal()
                ? given().baseUri(stack.miniStack().orElseThrow().plainHttpEndpoint().toString()).header("Host", site.getHost())
                : given().baseUri("http://" + site.getHost());
        http.redirects().follow(false).get("/post.html").then().statusCode(301)
                .header("Location", "https://" + site.getHost() + "/post.html");
    }

    @Test
    void theBucketItselfAnswersNoAnonymousReader() {
        String bucket = stack.outputs().get("SiteBucketName");
        RequestSpecification s3 = stack.isLocal()
                ? given().baseUri(stack.miniStack().orElseThrow().endpoint().toString()).basePath("/" + bucket)
                : given().baseUri("https://" + bucket + ".s3." + stack.target().region().id() + ".amazonaws.com");
        s3.get("/index.html").then().statusCode(403).body(containsString("AccessDenied"));
    }

    /**
     * The site's API origin is {@code <api>.execute-api.<region>.amazonaws.com}, which CloudFront dials; MiniStack
     * 1.5.33 refuses to dial an AWS host name (cloudfront.py {@code _forward_to_origin}: 502), so the local target
     * points that origin at MiniStack's own listener (LocalTarget.serveTheSiteApiFromMiniStack). This probe
     * distribution has the origin as the template writes it; when it answers, the rewrite can go.
     */
    @Test
    void miniStackRefusesACloudFrontOriginAtAnAwsHostName() {
        Assumptions.assumeTrue(stack.isLocal(), "a departure of MiniStack's");
        String apiHost = URI.create(stack.outputs().get("BlogApiUrl")).getHost();
        try (CloudFrontClient cloudFront = stack.clients().configure(CloudFrontClient.builder())) {
            Distribution probe = cloudFront.createDistribution(b -> b.distributionConfig(config -> config
                    .callerReference(UUID.randomUUID().toString()).comment("BlogSiteIT probe").enabled(true)
                    .origins(origins -> origins.quantity(1).items(Origin.builder().id("api").domainName(apiHost)
                            .customOriginConfig(custom -> custom.httpPort(80).httpsPort(443)
                                    .originProtocolPolicy(OriginProtocolPolicy.HTTPS_ONLY))
                            .build()))
                    .defaultCacheBehavior(behaviour -> behaviour.targetOriginId("api")
                            .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                            .cachePolicyId(CACHING_DISABLED)))).distribution();
            try {
                given().baseUri(stack.miniStack().orElseThrow().endpoint().toString()).header("Host", probe.domainName())
                        .get("/posts").then().statusCode(502);
                site().get("/api/posts").then().statusCode(200).body("items", notNullValue());
            } finally {
                GetDistributionConfigResponse current = cloudFront.getDistributionConfig(b -> b.id(probe.id()));
                var disabled = current.distributionConfig().toBuilder().enabled(false).build();
                String disabledEtag = cloudFront.updateDistribution(b -> b.id(probe.id()).ifMatch(current.eTag())
                        .distributionConfig(disabled)).eTag();
                cloudFront.deleteDistribution(b -> b.id(probe.id()).ifMatch(disabledEtag));
            }
        }
    }

    /** AWS answers the second request for a cacheable file from the edge ("Hit from cloudfront"); MiniStack caches nothing. */
    @Test
    void miniStackCloudFrontCachesNothing() {
        Assumptions.assumeTrue(stack.isLocal(), "a departure of MiniStack's");
        site().get("/site.css").then().statusCode(200).header("Cache-Control", "public, max-age=3600");
        site().get("/site.css").then().statusCode(200).header("X-Cache", "Miss from cloudfront");
    }

    /** The distribution; locally MiniStack serves it for Host {@code <id>.cloudfront.net} on its own listener. */
    static RequestSpecification site() {
        URI site = URI.create(stack.outputs().get("SiteUrl"));
        return stack.isLocal()
                ? given().baseUri(stack.miniStack().orElseThrow().endpoint().toString()).header("Host", site.getHost())
                : given().baseUri(site.toString());
    }
}
