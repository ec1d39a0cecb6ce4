package com.example.serverless.thumbnail.store;

import com.example.serverless.thumbnail.domain.ImageRejectedException;
import com.example.serverless.thumbnail.domain.ImageStore;
import com.example.serverless.thumbnail.domain.RejectionReason;
import com.example.serverless.thumbnail.domain.SourceObject;
import com.example.serverless.thumbnail.domain.StorageFailureException;
import com.example.serverless.thumbnail.domain.StoredObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads uploads from their bucket and writes to one output bucket. */
public final class S3ImageStore implements ImageStore {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String outputBucket;

    public S3ImageStore(S3Client s3, String outputBucket) {
        this.s3 = s3;
        this.outputBucket = outputBucket;
    }

    @Override
    public Optional<byte[]> read(SourceObject source, long maxBytes) throws ImageRejectedException {
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request -> request
                .bucket(source.bucket()).key(source.key()).versionId(source.versionId()))) {
            Long length = body.response().contentLength();
            if (length != null && length > maxBytes) {
                body.abort(); // do not download what we will not use
                throw tooManyBytes(length, maxBytes);
            }
            // One byte over the cap is enough to know the object is too large; the rest stays unread.
            byte[] bytes = body.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
            if (bytes.length > maxBytes) {
                body.abort();
                throw tooManyBytes(bytes.length, maxBytes);
            }
            return Optional.of(bytes);
        } catch (S3Exception e) {
            // NoSuchKey or NoSuchVersion: deleted since the event was sent. Everything else is the storage's fault.
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw new StorageFailureException("reading s3://" + source.bucket() + "/" + source.key() + " failed", e);
        } catch (SdkException | IOException e) {
            throw new StorageFailureException("reading s3://" + source.bucket() + "/" + source.key() + " failed", e);
        }
    }

    @Override
    public void put(StoredObject object) {
        try {
            s3.putObject(request -> request.bucket(outputBucket).key(object.key())
                            .contentType(object.contentType()).cacheControl(object.cacheControl())
                            .metadata(object.metadata()),
                    RequestBody.fromBytes(object.body()));
        } catch (SdkException e) {
            throw new StorageFailureException("writing s3://" + outputBucket + "/" + object.key() + " failed", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(request -> request.bucket(outputBucket).key(key));
        } catch (SdkException e) {
            throw new StorageFailureException("deleting s3://" + outputBucket + "/" + key + " failed", e);
        }
    }

    @Override
    public List<String> outputKeysStartingWith(String keyPrefix) {
        try {
            return s3.listObjectsV2Paginator(request -> request.bucket(outputBucket).prefix(keyPrefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (SdkException e) {
            throw new StorageFailureException("listing s3://" + outputBucket + "/" + keyPrefix + "* failed", e);
        }
    }

    private static ImageRejectedException tooManyBytes(long size, long maxBytes) {
        return new ImageRejectedException(RejectionReason.TOO_MANY_BYTES,
                "%d bytes or more, the maximum is %d".formatted(size, maxBytes));
    }
}
