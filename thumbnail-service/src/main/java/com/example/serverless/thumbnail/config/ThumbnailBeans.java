package com.example.serverless.thumbnail.config;

import com.example.serverless.telemetry.EmfMetrics;
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

    /** The function's metrics: EMF lines on standard output, which CloudWatch Logs turns into metrics. */
    @Produces
    @ApplicationScoped
    EmfMetrics metrics() {
        return EmfMetrics.toStandardOutput("thumbnail-service");
    }

    @Produces
    @ApplicationScoped
    ImageStore imageStore(S3Client s3, ThumbnailConfig config) {
        return new S3ImageStore(s3, config.outputBucket());
    }

    @Produces
    @ApplicationScoped
    ThumbnailService thumbnailService(ImageStore store, ThumbnailConfig config) {
        // ImageIO registers the plugins (TwelveMonkeys) visible to the context class loader of whoever uses it
        // first. Scanning again here, with the application's loader, makes that independent of the runtime.
        ImageIO.scanForPlugins();
        ThumbnailSettings settings = new ThumbnailSettings(config.widths(), config.format(), config.jpegQuality(),
                config.maxPixels());
        return new ThumbnailService(store, settings, new ThumbnailKeys(config.outputPrefix()),
                config.maxSourceBytes());
    }
}
