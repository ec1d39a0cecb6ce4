package com.example.serverless.batch;

/** Handles one record of a batch; throwing marks that record, and only that record, as failed. */
@FunctionalInterface
public interface RecordHandler<R> {

    void handle(R record) throws Exception;
}
