package com.example.serverless.thumbnail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.thumbnail.domain.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The function in Quarkus, invoked through the mock Lambda event server with SQS events whose bodies are real S3
 * event JSON (deserialised by the same code path as on AWS), against the local cloud's S3.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class ThumbnailFunctionIT {

    private static final String UPLOADS = "uploads";
    private static final String THUMBNAILS = "thumbnails";
    private static final String ENCODED_KEY_PHOTO = "albums/summer 2026/café + friends (1).jpg";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    S3Client s3;

    @BeforeEach
    void emptyBuckets() {
        for (String bucket : List.of(UPLOADS, THUMBNAILS)) {
            try {
                s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                        .forEach(object -> s3.deleteObject(r -> r.bucket(bucket).key(object.key())));
            } catch (NoSuchBucketException absent) {
                s3.createBucket(r -> r.bucket(bucket));
            }
        }
    }

    @Test
    void writesThumbnailsWithSizesAndMetadataForAnUrlEncodedKey() throws Exception {
        upload(ENCODED_KEY_PHOTO, photo(1600, 1200));

        assertEquals(List.of(), invoke(fixture("s3-object-created.json")));

        assertEquals(List.of("thumbnails/w128/" + ENCODED_KEY_PHOTO + ".jpg", "thumbnails/w512/" + ENCODED_KEY_PHOTO + ".jpg"),
                thumbnailKeys());
        ResponseBytes<GetObjectResponse> large = s3.getObjectAsBytes(r -> r.bucket(THUMBNAILS)
                .key("thumbnails/w512/" + ENCODED_KEY_PHOTO + ".jpg"));
        assertEquals("image/jpeg", large.response().contentType());
        assertEquals("public, max-age=3600", large.response().cacheControl());
        assertEquals(Map.of("source-key", "albums%2Fsummer%202026%2Fcaf%C3%A9%20%2B%20friends%20%281%29.jpg",
                        "source-width", "1600", "source-height", "1200", "width", "512", "height", "384"),
                large.response().metadata());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(large.asByteArray()));
        assertEquals(512, image.getWidth());
        assertEquals(384, image.getHeight());
    }

    @Test
    void decodesWebpThroughTheImageIoPluginsInsideQuarkus() throws Exception {
        // No JDK reader knows WebP: this passes only if the TwelveMonkeys plugins are registered in the function.
        try (InputStream webp = getClass().getResourceAsStream("/images/quadrants-lossy.webp")) {
            upload("stickers/quadrants.webp", webp.readAllBytes());
        }

        assertEquals(List.of(), invoke(fixture("s3-object-created.json")
                .replace("albums/summer+2026/caf%C3%A9+%2B+friends+%281%29.jpg", "stickers/quadrants.webp")));

        var thumbnail = s3.headObject(r -> r.bucket(THUMBNAILS).key("thumbnails/w128/stickers/quadrants.webp.jpg"));
        assertEquals("64", thumbnail.metadata().get("width"), "never wider than the source");
        assertEquals("48", thumbnail.metadata().get("height"));
    }

    @Test
    void decodesProgressiveJpegsThroughTheAwtToolkitInsideQuarkus() throws Exception {
        // The AWT decoder needs the headless toolkit; were it missing, the render would fail as corrupt.
        upload("web/progressive.jpg", TestImages.jpeg(TestImages.photoLike(1600, 1200, 1), 0.9f, true));

        assertEquals(List.of(), invoke(fixture("s3-object-created.json")
                .replace("albums/summer+2026/caf%C3%A9+%2B+friends+%281%29.jpg", "web/progressive.jpg")));

        BufferedImage large = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(
                r -> r.bucket(THUMBNAILS).key("thumbnails/w512/web/progressive.jpg.jpg")).asByteArray()));
        assertEquals(512, large.getWidth());
        assertEquals(384, large.getHeight());
    }

    @Test
    void theSameEventTwiceOverwritesTheSameThumbnails() throws Exception {
        upload(ENCODED_KEY_PHOTO, photo(1600, 1200));
        String event = fixture("s3-object-created.json");

        invoke(event);
        List<S3Object> first = thumbnails();
        invoke(event);
        List<S3Object> second = thumbnails();

        assertEquals(2, second.size());
        assertEquals(first.stream().map(S3Object::key).toList(), second.stream().map(S3Object::key).toList());
        assertEquals(first.stream().map(S3Object::eTag).toList(), second.stream().map(S3Object::eTag).toList(),
                "the same bytes again");
    }

    @Test
    void aVersionedUploadGetsThumbnailsNamedForItsVersion() throws Exception {
        s3.putBucketVersioning(r -> r.bucket(UPLOADS)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String versionId = s3.putObject(r -> r.bucket(UPLOADS).key("phone/IMG_0042.jpg"),
                RequestBody.fromBytes(photo(1200, 1600))).versionId();
        assertNotNull(versionId, "the local cloud versions the bucket");
        // A newer version of the same key must not leak into the older version's thumbnails.
        upload("phone/IMG_0042.jpg", photo(300, 300));

        invoke(fixture("s3-object-created-versioned.json").replace("VERSION_ID", versionId));

        var thumbnail = s3.headObject(r -> r.bucket(THUMBNAILS)
                .key("thumbnails/w512/phone/IMG_0042.jpg.v-" + versionId + ".jpg"));
        assertEquals("public, max-age=31536000, immutable", thumbnail.cacheControl());
        assertEquals(versionId, thumbnail.metadata().get("source-version-id"));
        assertEquals("1200", thumbnail.metadata().get("source-width"));
        assertEquals("683", thumbnail.metadata().get("height"));
    }

    @Test
    void handlesSeveralRecordsAndRecordsTheCorruptOne() throws Exception {
        upload("first.png", png(300, 200));
        upload("second.jpg", photo(640, 480));
        byte[] jpeg = photo(640, 480);
        upload("broken.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 3));

        assertEquals(List.of(), invoke(fixture("s3-several-records.json")), "a corrupt image is no failure");

        // notes.txt and our own output are ignored.
        assertEquals(List.of("thumbnails/failed/broken.jpg.json",
                "thumbnails/w128/first.png.jpg", "thumbnails/w128/second.jpg.jpg",
                "thumbnails/w512/first.png.jpg", "thumbnails/w512/second.jpg.jpg"), thumbnailKeys());
        JsonNode failure = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(THUMBNAILS)
                .key("thumbnails/failed/broken.jpg.json")).asByteArray());
        assertEquals("CORRUPT", failure.get("reason").asText());
        assertEquals("broken.jpg", failure.get("key").asText());
    }

    @Test
    void aFileThatIsNotAnImageIsRecordedAndItsMessageSucceeds() throws Exception {
        upload(ENCODED_KEY_PHOTO, "%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of(), invoke(fixture("s3-object-created.json")));

        assertEquals(List.of("thumbnails/failed/" + ENCODED_KEY_PHOTO + ".json"), thumbnailKeys());
    }

    @Test
    void theS3TestEventIsAcknowledged() throws Exception {
        assertEquals(List.of(), invoke(fixture("s3-test-event.json")));

        assertTrue(thumbnailKeys().isEmpty());
    }

    @Test
    void aStorageFailureFailsItsMessageSoThatTheQueueRedeliversIt() throws Exception {
        upload(ENCODED_KEY_PHOTO, photo(640, 480));
        s3.deleteBucket(r -> r.bucket(THUMBNAILS)); // every write now fails

        try {
            assertEquals(List.of("m-1"), invoke(fixture("s3-object-created.json"), fixture("s3-test-event.json")));
        } finally {
            s3.createBucket(r -> r.bucket(THUMBNAILS));
        }
        assertTrue(thumbnailKeys().isEmpty());
    }

    @Test
    void aBodyThatIsNoS3NotificationFailsItsMessageAlone() throws Exception {
        upload(ENCODED_KEY_PHOTO, photo(640, 480));

        assertEquals(List.of("m-1"), invoke("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}",
                fixture("s3-object-created.json")));
        assertEquals(2, thumbnailKeys().size());
    }

    // ------------------------------------------------------------------ helpers

    /** Invokes the function with an SQS event of one message per body (ids m-1, m-2, ...): the ids that failed. */
    private List<String> invoke(String... bodies) throws IOException {
        ArrayNode records = JSON.createArrayNode();
        for (String body : bodies) {
            String id = "m-" + (records.size() + 1);
            records.addObject().put("messageId", id).put("receiptHandle", "r")
                    .put("body", body).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:thumbnails").put("awsRegion", "us-east-1");
        }
        ObjectNode event = JSON.createObjectNode();
        event.set("Records", records);
        JsonNode response = JSON.readTree(MockEventServer.invoke(event.toString()));
        return response.path("batchItemFailures").findValuesAsText("itemIdentifier");
    }

    private void upload(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(UPLOADS).key(key), RequestBody.fromBytes(bytes));
    }

    private List<S3Object> thumbnails() {
        return s3.listObjectsV2Paginator(r -> r.bucket(THUMBNAILS)).contents().stream().toList();
    }

    private List<String> thumbnailKeys() {
        return thumbnails().stream().map(S3Object::key).sorted().toList();
    }

    private static String fixture(String name) {
        try (InputStream in = ThumbnailFunctionIT.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] photo(int width, int height) throws IOException {
        return encode(gradient(width, height), "jpeg");
    }

    private static byte[] png(int width, int height) throws IOException {
        return encode(gradient(width, height), "png");
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        return bytes.toByteArray();
    }
}
