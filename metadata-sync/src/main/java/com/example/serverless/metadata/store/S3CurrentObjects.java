package com.example.serverless.metadata.store;

import com.example.serverless.metadata.domain.CurrentObjects;
import com.example.serverless.metadata.domain.ObjectState;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** HeadObject on the key without a version id: the current version, or 404 when there is none. */
public class S3CurrentObjects implements CurrentObjects {

    private final S3Client s3;

    public S3CurrentObjects(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<ObjectState> find(String bucket, String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (S3Exception e) {
            // NoSuchKey, and also a delete marker as the current version (x-amz-delete-marker: true).
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsFailures.classify(e, "HeadObject");
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "HeadObject");
        }
        return Optional.of(new ObjectState(head.contentLength(), unquoted(head.eTag()), head.versionId(),
                head.contentType(), head.metadata(), head.lastModified()));
    }

    /** HeadObject quotes the ETag; S3 event notifications do not. The index keeps the bare value. */
    private static String unquoted(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
