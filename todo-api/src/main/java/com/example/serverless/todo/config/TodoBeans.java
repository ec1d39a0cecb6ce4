package com.example.serverless.todo.config;

import com.example.serverless.signing.SecretsManagerKeys;
import com.example.serverless.telemetry.EmfMetrics;
import com.example.serverless.signing.TokenSigner;
import com.example.serverless.todo.domain.AttachmentUrls;
import com.example.serverless.todo.domain.PageCursors;
import com.example.serverless.todo.domain.TimeOrderedIds;
import com.example.serverless.todo.domain.TodoService;
import com.example.serverless.todo.domain.TodoStore;
import com.example.serverless.todo.store.DynamoDbTodoStore;
import com.example.serverless.todo.store.S3AttachmentUrls;
import com.example.serverless.todo.store.StoreClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Wires the plain-Java domain to its AWS implementations; the SDK clients come from the Quarkus extensions. */
public class TodoBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    TodoStore todoStore(DynamoDbClient dynamoDb, TodoConfig config) {
        return new DynamoDbTodoStore(StoreClients.select(dynamoDb, config.daxEndpoint()), config.tableName(),
                config.maxItemsReadPerPage());
    }

    @Produces
    @ApplicationScoped
    AttachmentUrls attachmentUrls(S3Presigner presigner, TodoConfig config) {
        return new S3AttachmentUrls(presigner, config.attachmentsBucket(), config.attachmentUrlValidity());
    }

    /** The service's metrics, written as EMF lines to standard output (CloudWatch Logs turns them into metrics). */
    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("todo-api");
    }

    /** The keys are read from Secrets Manager when a cursor is first signed or checked, then cached. */
    @Produces
    @ApplicationScoped
    PageCursors pageCursors(TodoConfig config) {
        return new PageCursors(new TokenSigner(
                SecretsManagerKeys.cached(config.cursorKeysSecret(), config.cursorKeysMaxAge())));
    }

    @Produces
    @ApplicationScoped
    TodoService todoService(TodoStore store, AttachmentUrls attachmentUrls, PageCursors cursors, TodoConfig config,
            Clock clock, EmfMetrics metrics) {
        return new TodoService(store, attachmentUrls, cursors, new TimeOrderedIds(clock), clock,
                config.idempotencyWindow(), () -> {
                    metrics.count("TodosCreated", 1);
                    metrics.flush();
                });
    }
}
