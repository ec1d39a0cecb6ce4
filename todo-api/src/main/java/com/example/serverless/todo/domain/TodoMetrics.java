package com.example.serverless.todo.domain;

/** What the service counts; config writes it as EMF ({@code TodosCreated}). A replayed create is not counted. */
@FunctionalInterface
public interface TodoMetrics {

    void todoCreated();
}
