package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * thumbnail-service through the deployed stack: an upload to UploadsBucket, its notification through ThumbnailQueue
 * and the function's event source mapping, thumbnails (or a failure record) in ThumbnailsBucket; a storage failure
 * received again from the queue and, when it persists, moved to ThumbnailDlq by the queue's redrive policy.
 */
@ExtendWith(E2eStack.class)
class ThumbnailIT {

    private static final Duration PROCESSING = Duration.ofSeconds(90);
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every key this class uploads starts here. */
    private static final String PREFIX = "e2e-" + UUID.randomUUID() + "/";

    private static E2eStack.Stack stack;
    private static S3Client s3;
    private static String uploads;
    private static String thumbnails;

    @BeforeAll
    static void clients(E2eStack.Stack deployed) {
        stack = deployed;
        s3 = stack.clients().s3();
        uploads = stack.outputs().get("UploadsBucketName");
        thumbnails = stack.outputs().get("ThumbnailsBucketName");
    }

    @Test
    void uploadsOfSeveralFormatsBecomeThumbnailsOfTheRightSizeAndTheCorruptOneARecordedFailure() {
        String prefix = PREFIX + "formats/";
        String jpeg = upload(prefix + "landscape.jpg", image("jpg", 1200, 800));
        String png = upload(prefix + "My Holiday ü 写真.png", image("png", 640, 480));
        String small = upload(prefix + "icon.PNG", image("png", 100, 50));
        // Stored 400x300 with EXIF orientation 6 (rotate 90° clockwise to view): a 300x400 portrait.
        String portrait = upload(prefix + "portrait.jpeg", withExifOrientation(image("jpg", 400, 300), 6));
        byte[] real = image("jpg", 800, 600);
        String truncated = upload(prefix + "truncated.jpg", Arrays.copyOf(real, real.length / 3));
        String text = upload(prefix + "notes.jpg", "not a picture at all".getBytes(StandardCharsets.UTF_8));

        expectThumbnails(prefix + "landscape.jpg", jpeg, 1200, 800, List.of(new int[] {128, 85}, new int[] {512, 341}));
        expectThumbnails(prefix + "My Holiday ü 写真.png", png, 640, 480, List.of(new int[] {128, 96}, new int[] {512, 384}));
        // Never wider than the source.
        expectThumbnails(prefix + "icon.PNG", small, 100, 50, List.of(new int[] {100, 50}, new int[] {100, 50}));
        expectThumbnails(prefix + "portrait.jpeg", portrait, 300, 400, List.of(new int[] {128, 171}, new int[] {300, 400}));

        expectFailureRecord(prefix + "truncated.jpg", truncated, "CORRUPT");
        expectFailureRecord(prefix + "notes.jpg", text, "NOT_AN_IMAGE");

        // Nothing the function did wrote into the uploads bucket: exactly one version of each upload, no more keys.
        List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(uploads).prefix(prefix)).versions();
        assertThat(versions.stream().map(ObjectVersion::versionId).toList(),
                containsInAnyOrder(jpeg, png, small, portrait, truncated, text));
        assertThat(s3.listObjectVersions(b -> b.bucket(uploads).prefix(prefix)).deleteMarkers().size(), equalTo(0));
    }

    @Test
    void deletingAVersionTakesItsThumbnailsAndDeletingThePhotoTakesThemAll() {
        String key = PREFIX + "deletes/photo.jpg";
        String first = upload(key, image("jpg", 600, 400));
        String second = upload(key, image("jpg", 640, 480));
        expectThumbnails(key, first, 600, 400, List.of(new int[] {128, 85}, new int[] {512, 341}));
        expectThumbnails(key, second, 640, 480, List.of(new int[] {128, 96}, new int[] {512, 384}));

        s3.deleteObject(b -> b.bucket(uploads).key(key).versionId(first));
        Eventually.await("the deleted version's thumbnails gone", PROCESSING, () -> thumbnailKeysOf(key),
                keys -> keys.stream().noneMatch(k -> k.contains(".v-" + first + ".")));
        assertThat("the other version keeps its own", thumbnailKeysOf(key), containsInAnyOrder(
                "thumbnails/w128/" + key + ".v-" + second + ".jpg", "thumbnails/w512/" + key + ".v-" + second + ".jpg"));

        s3.deleteObject(b -> b.bucket(uploads).key(key));
        Eventually.await("every thumbnail of the deleted photo gone", PROCESSING, () -> thumbnailKeysOf(key), List::isEmpty);
    }

    private static List<String> thumbnailKeysOf(String key) {
        List<String> found = new java.util.ArrayList<>();
        for (String folder : List.of("thumbnails/w128/", "thumbnails/w512/", "thumbnails/failed/")) {
            s3.listObjectsV2Paginator(b -> b.bucket(thumbnails).prefix(folder + key + ".v-")).contents()
                    .forEach(object -> found.add(object.key()));
        }
        return found;
    }

    /**
     * While the thumbnails bucket's policy denies the function's role s3:PutObject, the function fails the upload's
     * message on every receive (a storage failure, not the image's fault): after maxReceiveCount (3) receives the
     * queue moves it to ThumbnailDlq, body unchanged. The fault is one Deny statement for that role added to the
     * deployed bucket policy and taken out again; the bucket, its other statements and its objects stay as they are.
     */
    @Test
    void aStorageFailureIsReceivedAgainThenMovedToTheDlq() {
        String key = PREFIX + "retried.png";
        String dlqUrl = stack.outputs().get("ThumbnailDlqUrl");
        String policy = s3.getBucketPolicy(b -> b.bucket(thumbnails)).policy();
        String role = new FunctionRoles(stack).roleArn("ThumbnailFunction");
        s3.putBucketPolicy(b -> b.bucket(thumbnails).policy(withDeniedPut(policy, role)));
        try {
            upload(key, image("png", 64, 64));
            // 3 receives, each followed by the queue's visibility timeout (10 s locally, 180 s on AWS).
            Message parked = Eventually.await("the notification of " + key + " in ThumbnailDlq",
                    stack.isLocal() ? PROCESSING : Duration.ofMinutes(11), () -> messageAbout(dlqUrl, key),
                    message -> message != null);
            // The key has no character S3 would encode in the notification.
            assertThat(json(parked.body()).path("Records").path(0).path("s3").path("object").path("key").asText(),
                    equalTo(key));
        } finally {
            s3.putBucketPolicy(b -> b.bucket(thumbnails).policy(policy));
        }
        assertThat("nothing was written while the role was denied", thumbnailsOf(key), empty());
    }

    /** The bucket policy with one more statement: Deny s3:PutObject to the function's role. */
    private static String withDeniedPut(String policy, String roleArn) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(policy);
            ObjectNode deny = ((ArrayNode) document.get("Statement")).addObject();
            deny.put("Sid", "E2eStorageFault").put("Effect", "Deny").put("Action", "s3:PutObject")
                    .put("Resource", "arn:aws:s3:::" + thumbnails + "/*");
            deny.putObject("Principal").put("AWS", roleArn);
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> thumbnailsOf(String key) {
        return s3.listObjectsV2Paginator(b -> b.bucket(thumbnails).prefix("thumbnails/")).contents().stream()
                .map(S3Object::key).filter(k -> k.contains(key)).toList();
    }

    /** Every upload version and every thumbnail or failure record this class made: the suite may run on a long-lived stack. */
    @AfterAll
    static void removeWhatThisClassMade() {
        if (s3 == null) {
            return;
        }
        Buckets.deleteEveryVersion(s3, uploads, PREFIX);
        s3.listObjectsV2Paginator(b -> b.bucket(thumbnails).prefix("thumbnails/")).contents().stream()
                .filter(object -> object.key().contains(PREFIX))
                .forEach(object -> s3.deleteObject(b -> b.bucket(thumbnails).key(object.key())));
    }

    private static void expectThumbnails(String key, String versionId, int sourceWidth, int sourceHeight, List<int[]> sizes) {
        List<Integer> widths = List.of(128, 512);
        for (int i = 0; i < widths.size(); i++) {
            String thumbnailKey = "thumbnails/w" + widths.get(i) + "/" + key + ".v-" + versionId + ".jpg";
            ResponseBytes<GetObjectResponse> object = Eventually.await(thumbnailKey, PROCESSING,
                    () -> get(thumbnails, thumbnailKey), found -> found != null);
            BufferedImage thumbnail = read(object.asByteArray());
            int[] size = sizes.get(i);
            assertThat(thumbnailKey + " width", thumbnail.getWidth(), equalTo(size[0]));
            assertThat(thumbnailKey + " height", thumbnail.getHeight(), equalTo(size[1]));
            GetObjectResponse response = object.response();
            assertThat(response.contentType(), equalTo("image/jpeg"));
            assertThat(response.cacheControl(), equalTo(IMMUTABLE));
            Map<String, String> metadata = response.metadata();
            assertThat(metadata.get("source-key"), equalTo(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")));
            assertThat(metadata.get("source-version-id"), equalTo(versionId));
            assertThat(metadata.get("source-width"), equalTo(Integer.toString(sourceWidth)));
            assertThat(metadata.get("source-height"), equalTo(Integer.toString(sourceHeight)));
            assertThat(metadata.get("width"), equalTo(Integer.toString(size[0])));
            assertThat(metadata.get("height"), equalTo(Integer.toString(size[1])));
        }
    }

    private static void expectFailureRecord(String key, String versionId, String reason) {
        String recordKey = "thumbnails/failed/" + key + ".v-" + versionId + ".json";
        ResponseBytes<GetObjectResponse> record = Eventually.await(recordKey, PROCESSING,
                () -> get(thumbnails, recordKey), found -> found != null);
        JsonNode body = json(record.asUtf8String());
        assertThat(body.path("key").asText(), equalTo(key));
        assertThat(body.path("versionId").asText(), equalTo(versionId));
        assertThat(body.path("reason").asText(), equalTo(reason));
        assertThat(record.response().metadata().get("reason"), equalTo(reason));
        // The record is written instead of thumbnails, in the same invocation: its presence means none will come.
        for (int width : List.of(128, 512)) {
            assertThat(get(thumbnails, "thumbnails/w" + width + "/" + key + ".v-" + versionId + ".jpg"), equalTo(null));
        }
    }

    private static String upload(String key, byte[] bytes) {
        return s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(bytes)).versionId();
    }

    private static ResponseBytes<GetObjectResponse> get(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException notYet) {
            return null;
        }
    }

    private static Message messageAbout(String queueUrl, String key) {
        try (SqsClient sqs = stack.clients().configure(SqsClient.builder())) {
            return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1))
                    .messages().stream().filter(m -> m.body().contains(key)).findFirst().orElse(null);
        }
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The JPEG with an APP1 Exif segment right after SOI holding one IFD0 entry: Orientation (0x0112, SHORT) =
     * {@code orientation}. Big-endian TIFF header ("MM", 42, IFD at offset 8).
     */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,             // header: big-endian, magic, offset of IFD0
                0, 1,                                    // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1, value
                0, 0, 0, 0 };                            // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);                           // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
