package com.example.serverless.todocleanup.domain;

/** The attachments bucket, as far as the cleanup needs it. */
public interface AttachmentObjects {

    /** Deletes the object; an object that is not there (any more, or was never uploaded) is no error. */
    void delete(String key);
}
