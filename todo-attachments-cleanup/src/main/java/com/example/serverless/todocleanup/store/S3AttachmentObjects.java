package com.example.serverless.todocleanup.store;

import com.example.serverless.todocleanup.domain.AttachmentObjects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * DeleteObject without a version id: on the versioned attachments bucket that adds a delete marker, so the object is
 * gone for every reader at once, while its data stays for the bucket's 30-day undo window (the lifecycle rule then
 * expires it). Deleting a key that has no object succeeds, which makes a retried record harmless.
 */
public class S3AttachmentObjects implements AttachmentObjects {

    private final S3Client s3;
    private final String bucket;

    public S3AttachmentObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }
}
