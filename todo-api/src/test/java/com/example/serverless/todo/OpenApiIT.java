package com.example.serverless.todo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is complete enough to generate a client from (infra does): schemas, problems, security. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class OpenApiIT {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        given().accept("application/json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("MyTodoList API"))
                .body("paths", hasKey("/todos"))
                .body("paths", hasKey("/todos/{id}"))
                .body("paths", hasKey("/todos/{id}/attachments"))
                .body("paths", hasKey("/todos/{id}/attachments/{attachmentId}"))
                .body("paths.'/todos/{id}'", hasKey("patch"));
    }

    @Test
    void requestBodiesHaveTheirRecordsSchemasWithTheirRules() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/todos'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/TodoRequest"))
                .body("paths.'/todos/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.$ref",
                        equalTo("#/components/schemas/TodoMergePatch"))
                .body("paths.'/todos/{id}/attachments'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/AttachmentUploadRequest"))
                .body("components.schemas.TodoRequest.required", hasItems("title"))
                .body("components.schemas.TodoRequest.properties.title.maxLength", equalTo(200))
                .body("components.schemas.TodoRequest.properties.status.enum", hasItems("open", "done"))
                .body("components.schemas.AttachmentUploadRequest.required", hasItems("fileName", "contentType", "size"))
                .body("paths.'/todos/{id}'.put.parameters.find { it.name == 'If-Match' }.required", equalTo(true));
    }

    @Test
    void everyErrorIsAProblemDocumentAndEveryRouteNeedsTheJwt() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.cognitoJwt.scheme", equalTo("bearer"))
                .body("paths.'/todos'.post.security[0]", hasKey("cognitoJwt"))
                .body("paths.'/todos/{id}'.get.responses.'404'.content.'application/problem+json'.schema.$ref", equalTo(PROBLEM))
                .body("paths.'/todos/{id}'.patch.responses.'412'.content.'application/problem+json'.schema.$ref", equalTo(PROBLEM))
                .body("paths.'/todos/{id}'.put.responses.'428'.content.'application/problem+json'.schema.$ref", equalTo(PROBLEM))
                .body("paths.'/todos'.post.responses.'413'.content.'application/problem+json'.schema.$ref", equalTo(PROBLEM))
                .body("paths.'/todos'.get.responses.'400'.content.'application/problem+json'.schema.$ref", equalTo(PROBLEM))
                .body("components.schemas.Problem.properties", hasKey("errors"));
    }

    @Test
    void conditionalGetsDeclareTheir304AndCachingHeaders() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/todos/{id}'.get.responses", hasKey("304"))
                .body("paths.'/todos'.get.responses", hasKey("304"))
                .body("paths.'/todos/{id}'.get.responses.'304'.headers", hasKey("ETag"))
                .body("paths.'/todos'.get.responses.'200'.headers", hasKey("Cache-Control"))
                .body("paths.'/todos/{id}'.get.responses.'200'.headers", hasKey("Vary"))
                .body("paths.'/todos/{id}'.get.parameters.find { it.name == 'If-None-Match' }.in", equalTo("header"))
                .body("paths.'/todos'.get.parameters.find { it.name == 'If-None-Match' }.in", equalTo("header"));
    }

    @Test
    void theBuildStoresTheDocumentForOtherModules() {
        // Written by the Quarkus build (quarkus.smallrye-openapi.store-schema-directory) before the tests run.
        assertTrue(Files.isRegularFile(Path.of("target/openapi/openapi.yaml")));
    }
}
