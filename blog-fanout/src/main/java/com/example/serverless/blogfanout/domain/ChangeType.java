package com.example.serverless.blogfanout.domain;

/** What happened to a post item, as a DynamoDB stream reports it. */
public enum ChangeType {
    INSERT, MODIFY, REMOVE
}
