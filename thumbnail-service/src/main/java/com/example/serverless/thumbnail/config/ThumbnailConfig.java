package com.example.serverless.thumbnail.config;

import com.example.serverless.thumbnail.domain.OutputFormat;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Everything the thumbnail function reads from its environment (the SAM template sets THUMBNAIL_*). */
@ConfigMapping(prefix = "thumbnail")
public interface ThumbnailConfig {

    /** THUMBNAIL_OUTPUT_BUCKET: where thumbnails go. Never the uploads bucket. */
    String outputBucket();

    /** Folder in the output bucket for everything this function writes. */
    @WithDefault("thumbnails/")
    String outputPrefix();

    /** THUMBNAIL_WIDTHS: one thumbnail per width, aspect ratio kept, never wider than the source. */
    @WithDefault("128,512")
    List<Integer> widths();

    /** THUMBNAIL_FORMAT: JPEG or PNG (PNG keeps transparency). */
    @WithDefault("JPEG")
    OutputFormat format();

    @WithDefault("0.85")
    float jpegQuality();

    /** Images declaring more pixels are refused before decoding: 60 MP covers 48 MP phone cameras. */
    @WithDefault("60000000")
    long maxPixels();

    /** Larger uploads are refused without being downloaded (25 MiB). */
    @WithDefault("26214400")
    long maxSourceBytes();
}
