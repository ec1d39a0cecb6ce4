package com.example.serverless.todo.store;

import com.example.serverless.todo.domain.AttachmentUrls;
import com.example.serverless.todo.domain.PresignedUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * SigV4 presigned URLs on the attachments bucket. The upload URL signs Content-Type and Content-Length, so
 * S3 refuses any other type or size: the limits hold without a proxy in between.
 */
public class S3AttachmentUrls implements AttachmentUrls {

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration validity;

    public S3AttachmentUrls(S3Presigner presigner, String bucket, Duration validity) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.validity = validity;
    }

    @Override
    public PresignedUrl upload(String key, String contentType, long size) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(validity)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
        return new PresignedUrl(toUri(presigned.url()), "PUT",
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(size)),
                presigned.expiration());
    }

    @Override
    public PresignedUrl download(String key) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(request -> request
                .signatureDuration(validity)
                .getObjectRequest(get -> get.bucket(bucket).key(key)));
        return new PresignedUrl(toUri(presigned.url()), "GET", Map.of(), presigned.expiration());
    }

    private static URI toUri(java.net.URL url) {
        return URI.create(url.toString());
    }
}
