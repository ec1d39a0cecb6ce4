package com.example.serverless.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blog site's files (infra/site) in the stack's site bucket, and beside them {@code config.json}: what the
 * author page needs to sign in (the user pool's app client and the Cognito endpoint), known only after the deploy.
 * CloudFront serves them (managed CachingOptimized): pages and config revalidate within a minute, the rest within
 * an hour, so a new deploy is seen without an invalidation.
 */
public final class SiteFiles {

    private static final System.Logger LOG = System.getLogger(SiteFiles.class.getName());
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json", "ico", "image/x-icon");

    private SiteFiles() {
    }

    /** Puts every file of {@code site} under its relative path, then config.json; returns the keys written. */
    public static List<String> publish(S3Client s3, String bucket, Path site, String userPoolClientId, URI cognitoEndpoint) {
        try (Stream<Path> files = Files.walk(site)) {
            List<String> keys = files.filter(Files::isRegularFile).sorted().map(file -> {
                String key = site.relativize(file).toString().replace('\\', '/');
                put(s3, bucket, key, RequestBody.fromFile(file));
                return key;
            }).toList();
            String config = """
                    {"userPoolClientId": "%s", "cognitoEndpoint": "%s"}
                    """.formatted(userPoolClientId, cognitoEndpoint);
            put(s3, bucket, "config.json", RequestBody.fromString(config));
            LOG.log(System.Logger.Level.INFO, "Site: {0} files and config.json in s3://{1}", keys.size(), bucket);
            return Stream.concat(keys.stream(), Stream.of("config.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the site's files in " + site, e);
        }
    }

    private static void put(S3Client s3, String bucket, String key, RequestBody body) {
        String extension = key.substring(key.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new IllegalArgumentException(key + ": no content type for ." + extension + " (SiteFiles.TYPES)");
        }
        boolean page = extension.equals("html") || extension.equals("json");
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(type)
                .cacheControl(page ? "public, max-age=60" : "public, max-age=3600"), body);
    }
}
