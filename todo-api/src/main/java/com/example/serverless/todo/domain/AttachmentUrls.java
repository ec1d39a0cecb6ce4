package com.example.serverless.todo.domain;

/** Issues presigned URLs for attachment objects. */
public interface AttachmentUrls {

    /** A PUT that accepts exactly this content type and size at this key. */
    PresignedUrl upload(String key, String contentType, long size);

    PresignedUrl download(String key);
}
