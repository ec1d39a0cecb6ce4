package com.example.serverless.thumbnail.config;

import com.example.serverless.thumbnail.domain.ImageStore;
import com.example.serverless.thumbnail.domain.ThumbnailKeys;
import com.example.serverless.thumbnail.domain.ThumbnailService;
import com.example.serverless.thumbnail.domain.ThumbnailSettings;
import com.example.serverless.thumbnail.store.S3ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.imageio.ImageIO;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the plain-Java domain to S3; the client comes from the Quarkus S3 extension. */
public class ThumbnailBeans {

    @Produces
    @ApplicationScoped
    ImageStore imageStore(S3Client s3, ThumbnailConfig config) {
        return new S3ImageStore(s3, config.outputBucket());
    }

    @Produces
    @ApplicationScoped
    ThumbnailService thumbnailService(ImageStore store, ThumbnailConfig config) {
        // ImageIO finds plugins (TwelveMonkeys) once per class loader at first use; under Quarkus that first use
        // may happen before the application class loader is the context one, so look again now.
        ImageIO.scanForPlugins();
        ThumbnailSettings settings = new ThumbnailSettings(config.widths(), config.format(), config.jpegQuality(),
                config.maxPixels());
        return new ThumbnailService(store, settings, new ThumbnailKeys(config.outputPrefix()),
                config.maxSourceBytes());
    }
}
