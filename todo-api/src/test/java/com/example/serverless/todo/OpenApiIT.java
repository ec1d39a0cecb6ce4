package com.example.serverless.todo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import com.example.serverless.localcloud.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class OpenApiIT {

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        given().accept("application/json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", org.hamcrest.Matchers.equalTo("MyTodoList API"))
                .body("paths", hasKey("/todos"))
                .body("paths", hasKey("/todos/{id}"))
                .body("paths", hasKey("/todos/{id}/attachments"))
                .body("paths", hasKey("/todos/{id}/attachments/{attachmentId}"))
                .body("paths.'/todos/{id}'", hasKey("patch"));
    }
}
