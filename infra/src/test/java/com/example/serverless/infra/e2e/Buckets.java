package com.example.serverless.infra.e2e;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/** Clean-up of what a test put into a bucket: the suite may run against a long-lived stack. */
final class Buckets {

    private Buckets() {
    }

    /** Deletes every version and delete marker under the prefix (all of them, page by page). */
    static void deleteEveryVersion(S3Client s3, String bucket, String prefix) {
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix))) {
            page.versions().forEach(v -> s3.deleteObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())));
            page.deleteMarkers().forEach(m -> s3.deleteObject(b -> b.bucket(bucket).key(m.key()).versionId(m.versionId())));
        }
    }
}
