package com.example.serverless.blogfanout.support;

/** The table whose stream {@link PostStream} reads. */
public interface PostsTable {

    String postsStreamArn();
}
