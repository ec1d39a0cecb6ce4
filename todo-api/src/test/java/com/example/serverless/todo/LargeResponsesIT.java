package com.example.serverless.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.HttpApi;
import com.example.serverless.localcloud.HttpApiResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page as large as the limits allow is one valid response: a payload-2.0 response names no hop-by-hop header
 * (a {@code transfer-encoding} there, even empty, makes API Gateway's HTTP server refuse it), and its length is
 * the body's.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class LargeResponsesIT {

    private static final int TODOS = 40;

    @Test
    void aPageOfForty2KbTodosIsOneResponseWithoutHopByHopHeaders() {
        HttpApi owner = HttpApi.newUser();
        String description = "d".repeat(2000);
        for (int i = 0; i < TODOS; i++) {
            assertEquals(201, owner.post("/todos", "{\"title\":\"todo " + i + "\",\"description\":\"" + description + "\"}")
                    .status());
        }

        HttpApiResponse page = owner.get("/todos?limit=" + TODOS);

        assertEquals(200, page.status(), page::toString);
        assertEquals(TODOS, page.json().path("items").size());
        assertTrue(page.body().getBytes(StandardCharsets.UTF_8).length > 80_000, "control: far past any 8 KB buffer");
        assertNull(page.header("Transfer-Encoding"), () -> "hop-by-hop header in " + page.headers());
        assertNull(page.header("Connection"), () -> "hop-by-hop header in " + page.headers());
    }
}
