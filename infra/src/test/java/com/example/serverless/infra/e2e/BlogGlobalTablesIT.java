package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * MyBlog's posts and subscribers as DynamoDB global tables (BlogReplicaRegion): an item written in one region is
 * read in the other. The local deploy turns the option on; MiniStack makes one regional table of each and no
 * replica ({@code MiniStackFidelityIT.miniStackProvisionsAGlobalTableAsOneRegionalTable}), so replication is proven on
 * LocalStack and AWS, where the stack was deployed with a replica region.
 */
@ExtendWith(E2eStack.class)
class BlogGlobalTablesIT {

    private static final Duration REPLICATION_BOUND = Duration.ofMinutes(2);

    private static E2eStack.Stack stack;
    private static BlogTestData data;
    private static Optional<Region> replicaRegion;

    @BeforeAll
    static void replicas(E2eStack.Stack deployed) {
        stack = deployed;
        data = new BlogTestData(deployed);
        replicaRegion = Optional.of(deployed.parameter("BlogReplicaRegion")).filter(region -> !region.isEmpty())
                .map(Region::of);
    }

    @AfterAll
    static void cleanUp() {
        if (data != null) {
            data.close();
        }
    }

    @Test
    void aDraftWrittenInTheStacksRegionIsReadInTheReplicaRegion() {
        assumeReplicasExist();
        String postId = data.post("replication-" + UUID.randomUUID());
        try (DynamoDbClient home = stack.clients().configure(DynamoDbClient.builder())) {
            home.putItem(b -> b.tableName(postsTable()).item(draft(postId, "written at home")));
        }
        assertThat(titleIn(replicaRegion.orElseThrow(), postId), equalTo("written at home"));
    }

    @Test
    void aDraftWrittenInAReplicaRegionIsReadInTheStacksRegion() {
        assumeReplicasExist();
        String postId = data.post("replication-" + UUID.randomUUID());
        Region replica = replicaRegion.orElseThrow();
        try (DynamoDbClient far = stack.clients().configureIn(replica, DynamoDbClient.builder())) {
            far.putItem(b -> b.tableName(postsTable()).item(draft(postId, "written in " + replica)));
        }
        assertThat(titleIn(stack.target().region(), postId), equalTo("written in " + replica));
    }

    private static void assumeReplicasExist() {
        Assumptions.assumeFalse(stack.isLocal(), "MiniStack creates no replica "
                + "(MiniStackFidelityIT.miniStackProvisionsAGlobalTableAsOneRegionalTable checks that departure)");
        Assumptions.assumeTrue(replicaRegion.isPresent(), "the stack was deployed without BlogReplicaRegion");
    }

    /** The draft's title as the region's replica has it, once replication brought it there. */
    private static String titleIn(Region region, String postId) {
        try (DynamoDbClient client = stack.clients().configureIn(region, DynamoDbClient.builder())) {
            Map<String, AttributeValue> item = Eventually.await(postId + " in " + region, REPLICATION_BOUND,
                    () -> client.getItem(b -> b.tableName(postsTable()).key(Map.of("postId", s(postId)))).item(),
                    found -> !found.isEmpty());
            assertThat("control: a draft, which nothing announces", item.get("status").s(), not(equalTo("PUBLISHED")));
            return item.get("title").s();
        }
    }

    private static Map<String, AttributeValue> draft(String postId, String title) {
        return Map.of("postId", s(postId), "status", s("DRAFT"), "title", s(title));
    }

    private static String postsTable() {
        return stack.outputs().get("PostsTableName");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
