package com.example.serverless.todocleanup.config;

import com.example.serverless.todocleanup.domain.AttachmentCleanup;
import com.example.serverless.todocleanup.domain.AttachmentObjects;
import com.example.serverless.todocleanup.store.S3AttachmentObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the plain-Java domain to S3; the client comes from the Quarkus extension. */
public class CleanupBeans {

    @Produces
    @ApplicationScoped
    AttachmentObjects attachmentObjects(S3Client s3, CleanupConfig config) {
        return new S3AttachmentObjects(s3, config.attachmentsBucket());
    }

    @Produces
    @ApplicationScoped
    AttachmentCleanup attachmentCleanup(AttachmentObjects objects) {
        return new AttachmentCleanup(objects);
    }
}
