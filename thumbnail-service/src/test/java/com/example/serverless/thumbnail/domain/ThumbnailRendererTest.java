package com.example.serverless.thumbnail.domain;

import static com.example.serverless.thumbnail.domain.TestImages.BLUE;
import static com.example.serverless.thumbnail.domain.TestImages.GREEN;
import static com.example.serverless.thumbnail.domain.TestImages.RED;
import static com.example.serverless.thumbnail.domain.TestImages.WHITE;
import static com.example.serverless.thumbnail.domain.TestImages.YELLOW;
import static com.example.serverless.thumbnail.domain.TestImages.assertColour;
import static com.example.serverless.thumbnail.domain.TestImages.decode;
import static com.example.serverless.thumbnail.domain.TestImages.encode;
import static com.example.serverless.thumbnail.domain.TestImages.jpeg;
import static com.example.serverless.thumbnail.domain.TestImages.quadrants;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailRendererTest {

    private static final ThumbnailRenderer DEFAULT = renderer(OutputFormat.JPEG, 128, 512);

    private static ThumbnailRenderer renderer(OutputFormat format, Integer... widths) {
        return new ThumbnailRenderer(new ThumbnailSettings(List.of(widths), format, 0.9f, 60_000_000));
    }

    // ------------------------------------------------------------------ sizes

    @Test
    void makesOneJpegPerWidthKeepingTheAspectRatio() throws Exception {
        RenderedImage rendered = DEFAULT.render(jpeg(quadrants(1600, 1200, BufferedImage.TYPE_INT_RGB)));

        assertEquals(1600, rendered.sourceWidth());
        assertEquals(1200, rendered.sourceHeight());
        assertEquals(List.of(128, 512), rendered.thumbnails().stream().map(Thumbnail::width).toList());
        assertEquals(List.of(96, 384), rendered.thumbnails().stream().map(Thumbnail::height).toList());
        for (Thumbnail thumbnail : rendered.thumbnails()) {
            assertEquals(OutputFormat.JPEG, thumbnail.format());
            assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(thumbnail.bytes(), 2));
            BufferedImage image = decode(thumbnail.bytes());
            assertEquals(thumbnail.width(), image.getWidth());
            assertEquals(thumbnail.height(), image.getHeight());
            assertQuadrants(image);
        }
    }

    @Test
    void neverUpscalesASmallImage() throws Exception {
        RenderedImage rendered = DEFAULT.render(encode(quadrants(100, 60, BufferedImage.TYPE_INT_RGB), "png"));

        for (Thumbnail thumbnail : rendered.thumbnails()) {
            assertEquals(100, thumbnail.width());
            assertEquals(60, thumbnail.height());
            assertQuadrants(decode(thumbnail.bytes()));
        }
        assertEquals(List.of(128, 512), rendered.thumbnails().stream().map(Thumbnail::requestedWidth).toList());
    }

    @Test
    void aOnePixelImageMakesOnePixelThumbnails() throws Exception {
        RenderedImage rendered = DEFAULT.render(encode(TestImages.solid(1, 1, BLUE), "png"));

        for (Thumbnail thumbnail : rendered.thumbnails()) {
            BufferedImage image = decode(thumbnail.bytes());
            assertEquals(1, image.getWidth());
            assertEquals(1, image.getHeight());
            assertColour(BLUE, image, 0, 0);
        }
    }

    @Test
    void aVeryWideImageKeepsAtLeastOneRow() throws Exception {
        RenderedImage rendered = DEFAULT.render(encode(TestImages.solid(20_000, 4, GREEN), "png"));

        assertEquals(List.of(128, 512), rendered.thumbnails().stream().map(Thumbnail::width).toList());
        assertEquals(List.of(1, 1), rendered.thumbnails().stream().map(Thumbnail::height).toList());
        assertColour(GREEN, decode(rendered.thumbnails().getLast().bytes()), 256, 0);
    }

    @Test
    void aVeryTallImageIsNotWidened() throws Exception {
        RenderedImage rendered = DEFAULT.render(encode(TestImages.solid(4, 20_000, RED), "png"));

        for (Thumbnail thumbnail : rendered.thumbnails()) {
            BufferedImage image = decode(thumbnail.bytes());
            assertEquals(4, image.getWidth());
            assertEquals(20_000, image.getHeight());
            assertColour(RED, image, 2, 10_000);
        }
    }

    @ParameterizedTest(name = "progressive: {0}")
    @ValueSource(booleans = {false, true})
    void aLargePhotoIsSubsampledOnDecodeAndStillAccurate(boolean progressive) throws Exception {
        // 24 MP: decoded at a fraction of its pixels, thumbnails still exact in size and colour.
        byte[] photo = jpeg(quadrants(6000, 4000, BufferedImage.TYPE_3BYTE_BGR), 0.95f, progressive);

        RenderedImage rendered = DEFAULT.render(photo);

        assertEquals(6000, rendered.sourceWidth());
        assertEquals(4000, rendered.sourceHeight());
        BufferedImage large = decode(rendered.thumbnails().getLast().bytes());
        assertEquals(512, large.getWidth());
        assertEquals(341, large.getHeight());
        assertQuadrants(large);
    }

    // ------------------------------------------------------------------ quality

    @Test
    void downscalingAveragesPixelsInsteadOfPickingThem() throws Exception {
        // One-pixel black and white stripes: nearest neighbour keeps either black or white, averaging gives grey.
        BufferedImage stripes = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                stripes.setRGB(x, y, (x + y) % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        RenderedImage rendered = renderer(OutputFormat.PNG, 64).render(encode(stripes, "png"));

        BufferedImage thumbnail = decode(rendered.thumbnails().getFirst().bytes());
        for (int y = 1; y < 63; y += 7) {
            for (int x = 1; x < 63; x += 7) {
                int grey = thumbnail.getRGB(x, y) & 0xFF;
                assertTrue(grey > 100 && grey < 156, "pixel (" + x + "," + y + ") is " + grey + ", not grey");
            }
        }
    }

    @Test
    void coloursSurviveTheRoundTrip() throws Exception {
        Color skin = new Color(224, 172, 105);
        RenderedImage rendered = DEFAULT.render(jpeg(TestImages.solid(800, 600, skin)));

        assertColour(skin, decode(rendered.thumbnails().getFirst().bytes()), 64, 48);
    }

    // ------------------------------------------------------------------ EXIF orientation

    /**
     * The stored image is 80x40 with red, green, blue, yellow quadrants. The EXIF specification says where its
     * first row and first column are shown; so where the stored top-left (red) and top-right (green) corners
     * must end up.
     */
    @ParameterizedTest(name = "orientation {0}: red {1}, green {2}")
    @CsvSource({
        "1, TOP_LEFT,     TOP_RIGHT",
        "2, TOP_RIGHT,    TOP_LEFT",
        "3, BOTTOM_RIGHT, BOTTOM_LEFT",
        "4, BOTTOM_LEFT,  BOTTOM_RIGHT",
        "5, TOP_LEFT,     BOTTOM_LEFT",
        "6, TOP_RIGHT,    BOTTOM_RIGHT",
        "7, BOTTOM_RIGHT, TOP_RIGHT",
        "8, BOTTOM_LEFT,  TOP_LEFT"})
    void exifOrientationTurnsThePixelsUpright(int orientation, Corner red, Corner green) throws Exception {
        byte[] photo = TestImages.withExifOrientation(jpeg(quadrants(80, 40, BufferedImage.TYPE_INT_RGB)), orientation);

        RenderedImage rendered = renderer(OutputFormat.PNG, 40).render(photo);

        boolean portrait = orientation >= 5;
        assertEquals(portrait ? 40 : 80, rendered.sourceWidth());
        assertEquals(portrait ? 80 : 40, rendered.sourceHeight());
        BufferedImage image = decode(rendered.thumbnails().getFirst().bytes());
        assertEquals(40, image.getWidth());
        assertEquals(portrait ? 80 : 20, image.getHeight());
        red.assertColour(RED, image);
        green.assertColour(GREEN, image);
    }

    @ParameterizedTest(name = "progressive: {0}")
    @ValueSource(booleans = {false, true})
    void orientationAppliesToLargeSubsampledPhotos(boolean progressive) throws Exception {
        // A phone's portrait photo: landscape pixels, orientation 6.
        byte[] photo = TestImages.withExifOrientation(
                jpeg(quadrants(4000, 3000, BufferedImage.TYPE_3BYTE_BGR), 0.95f, progressive), 6);

        RenderedImage rendered = DEFAULT.render(photo);

        assertEquals(3000, rendered.sourceWidth());
        assertEquals(4000, rendered.sourceHeight());
        BufferedImage image = decode(rendered.thumbnails().getLast().bytes());
        assertEquals(512, image.getWidth());
        assertEquals(683, image.getHeight());
        Corner.TOP_RIGHT.assertColour(RED, image);
        Corner.BOTTOM_RIGHT.assertColour(GREEN, image);
        Corner.TOP_LEFT.assertColour(BLUE, image);
        Corner.BOTTOM_LEFT.assertColour(YELLOW, image);
    }

    // ------------------------------------------------------------------ progressive JPEGs (ToolkitJpegDecoder)

    @Test
    void progressiveJpegsMakeTheThumbnailsImageIoWouldMake() throws Exception {
        byte[] photo = jpeg(TestImages.photoLike(3000, 2000, 5), 0.9f, true);
        ThumbnailSettings settings = new ThumbnailSettings(List.of(128, 512), OutputFormat.PNG, 0.9f, 60_000_000);

        RenderedImage averaged = new ThumbnailRenderer(settings, true).render(photo);
        RenderedImage imageIo = new ThumbnailRenderer(settings, false).render(photo);

        for (int i = 0; i < 2; i++) {
            BufferedImage expected = decode(imageIo.thumbnails().get(i).bytes());
            BufferedImage actual = decode(averaged.thumbnails().get(i).bytes());
            assertEquals(expected.getWidth(), actual.getWidth());
            assertEquals(expected.getHeight(), actual.getHeight());
            long total = 0;
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    Color e = new Color(expected.getRGB(x, y));
                    Color a = new Color(actual.getRGB(x, y));
                    int distance = TestImages.colourDistance(e.getRGB(), a.getRGB());
                    assertTrue(distance <= 30, "at (" + x + "," + y + ") " + e + " vs " + a);
                    total += distance;
                }
            }
            double mean = (double) total / (expected.getWidth() * expected.getHeight());
            assertTrue(mean < 4, "mean difference " + mean + " at width " + expected.getWidth());
        }
    }

    @Test
    void baselineJpegsTakeTheImageIoPathUnchanged() throws Exception {
        byte[] photo = jpeg(TestImages.photoLike(1600, 1200, 6), 0.9f, false);
        ThumbnailSettings settings = new ThumbnailSettings(List.of(128, 512), OutputFormat.JPEG, 0.9f, 60_000_000);

        RenderedImage withToolkitPath = new ThumbnailRenderer(settings, true).render(photo);
        RenderedImage imageIoOnly = new ThumbnailRenderer(settings, false).render(photo);

        for (int i = 0; i < 2; i++) {
            assertArrayEquals(imageIoOnly.thumbnails().get(i).bytes(), withToolkitPath.thumbnails().get(i).bytes());
        }
    }

    @Test
    void aDamagedProgressiveJpegIsCorruptAlthoughItLooksWhole() {
        byte[] damaged = jpeg(TestImages.photoLike(600, 400, 8), 0.9f, true);
        // Headers and end marker intact (so the AWT decoder gets it first), the scans overwritten with a marker
        // that no decoder takes.
        for (int i = damaged.length / 3; i < damaged.length - 2; i += 2) {
            damaged[i] = (byte) 0xFF;
            damaged[i + 1] = (byte) 0xC8;
        }

        var rejection = assertThrows(ImageRejectedException.class, () -> DEFAULT.render(damaged));

        assertEquals(RejectionReason.CORRUPT, rejection.reason(), rejection.getMessage());
    }

    @Test
    void aProgressiveGreyscaleJpegStaysGrey() throws Exception {
        BufferedImage grey = new BufferedImage(1200, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();

        RenderedImage rendered = DEFAULT.render(jpeg(grey, 0.9f, true));

        assertColour(new Color(90, 90, 90), decode(rendered.thumbnails().getLast().bytes()), 256, 170);
    }

    // ------------------------------------------------------------------ formats

    @Test
    void readsPngWithAlphaAndPutsItOnWhiteForJpeg() throws Exception {
        BufferedImage halfTransparent = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = halfTransparent.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();

        BufferedImage thumbnail = decode(DEFAULT.render(encode(halfTransparent, "png")).thumbnails().getFirst().bytes());

        assertColour(RED, thumbnail, 10, 32);
        assertColour(WHITE, thumbnail, 118, 32);
    }

    @Test
    void keepsAlphaWhenTheOutputIsPng() throws Exception {
        BufferedImage halfTransparent = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = halfTransparent.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();

        Thumbnail thumbnail = renderer(OutputFormat.PNG, 128).render(encode(halfTransparent, "png")).thumbnails().getFirst();

        BufferedImage image = decode(thumbnail.bytes());
        assertEquals(OutputFormat.PNG, thumbnail.format());
        assertTrue(image.getColorModel().hasAlpha());
        assertEquals(0xFFFF0000, image.getRGB(10, 32));
        assertEquals(0, image.getRGB(118, 32) >>> 24, "transparent stays transparent");
    }

    @Test
    void readsSixteenBitPng() throws Exception {
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ColorModel model = new ComponentColorModel(srgb, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(300, 200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                raster.setPixel(x, y, x < 150 ? new int[] {0, 0, 65535} : new int[] {65535, 65535, 0});
            }
        }
        byte[] png = encode(new BufferedImage(model, raster, false, null), "png");
        assertEquals(16, png[24], "the PNG's bit depth");

        BufferedImage thumbnail = decode(DEFAULT.render(png).thumbnails().getFirst().bytes());

        assertColour(BLUE, thumbnail, 20, 40);
        assertColour(YELLOW, thumbnail, 108, 40);
    }

    @Test
    void readsPalettePng() throws Exception {
        IndexColorModel palette = new IndexColorModel(2, 4,
                new byte[] {(byte) 255, 0, 0, (byte) 255}, new byte[] {0, (byte) 255, 0, (byte) 255},
                new byte[] {0, 0, (byte) 255, 0});
        BufferedImage indexed = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_BINARY, palette);
        Graphics2D g = indexed.createGraphics();
        g.drawImage(quadrants(300, 200, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();

        assertQuadrants(decode(DEFAULT.render(encode(indexed, "png")).thumbnails().getFirst().bytes()));
    }

    @Test
    void readsGreyscaleJpegAndPng() throws Exception {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 0, 150, 200);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(150, 0, 150, 200);
        g.dispose();

        for (byte[] source : List.of(jpeg(grey), encode(grey, "png"))) {
            BufferedImage thumbnail = decode(DEFAULT.render(source).thumbnails().getFirst().bytes());
            assertColour(new Color(60, 60, 60), thumbnail, 20, 40);
            assertColour(new Color(200, 200, 200), thumbnail, 108, 40);
        }
    }

    @Test
    void readsTheFirstFrameOfAnAnimatedGif() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(gif)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color frame : List.of(RED, BLUE)) {
                BufferedImage image = TestImages.solid(300, 200, frame);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                writer.writeToSequence(new IIOImage(image, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        BufferedImage thumbnail = decode(DEFAULT.render(gif.toByteArray()).thumbnails().getFirst().bytes());

        assertEquals(128, thumbnail.getWidth());
        assertColour(RED, thumbnail, 64, 40);
    }

    @Test
    void readsBmp() throws Exception {
        assertQuadrants(decode(DEFAULT.render(encode(quadrants(300, 200, BufferedImage.TYPE_3BYTE_BGR), "bmp"))
                .thumbnails().getFirst().bytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quadrants-lossy.webp", "quadrants-lossy-alpha.webp", "quadrants-lossless-alpha.webp"})
    void readsWebp(String fixture) throws Exception {
        // 64x48, made with cwebp (see src/test/resources/images/README.md).
        RenderedImage rendered = renderer(OutputFormat.PNG, 32).render(TestImages.resource(fixture));

        assertEquals(64, rendered.sourceWidth());
        assertEquals(48, rendered.sourceHeight());
        BufferedImage thumbnail = decode(rendered.thumbnails().getFirst().bytes());
        assertEquals(32, thumbnail.getWidth());
        assertEquals(24, thumbnail.getHeight());
        assertColour(RED, thumbnail, 6, 5);
        assertColour(BLUE, thumbnail, 6, 18);
        if (fixture.contains("alpha")) {
            assertEquals(0, thumbnail.getRGB(26, 5) >>> 24, "the right half is transparent");
        } else {
            assertColour(GREEN, thumbnail, 26, 5);
        }
    }

    @ParameterizedTest(name = "ycck={0}")
    @ValueSource(booleans = {false, true})
    void readsAdobeCmykAndYcckJpegs(boolean ycck) throws Exception {
        BufferedImage thumbnail = decode(DEFAULT.render(TestImages.cmykJpeg(256, 128, ycck)).thumbnails().getFirst().bytes());

        assertEquals(128, thumbnail.getWidth());
        assertEquals(64, thumbnail.getHeight());
        Color cyan = new Color(thumbnail.getRGB(20, 32));
        assertTrue(cyan.getRed() < 90 && cyan.getGreen() > 150 && cyan.getBlue() > 150, "cyan, not " + cyan);
        Color black = new Color(thumbnail.getRGB(108, 32));
        assertTrue(black.getRed() + black.getGreen() + black.getBlue() < 150, "black, not " + black);
    }

    @Test
    void ignoresABrokenIccProfile() throws Exception {
        byte[] photo = TestImages.withBrokenIccProfile(jpeg(quadrants(300, 200, BufferedImage.TYPE_INT_RGB)));

        assertQuadrants(decode(DEFAULT.render(photo).thumbnails().getFirst().bytes()));
    }

    // ------------------------------------------------------------------ rejections

    @Test
    void aHeaderDeclaringTenGigapixelsIsRefusedBeforeDecoding() {
        var rejection = assertThrows(ImageRejectedException.class,
                () -> DEFAULT.render(TestImages.pngDeclaring(100_000, 100_000)));

        assertEquals(RejectionReason.TOO_MANY_PIXELS, rejection.reason());
        assertTrue(rejection.getMessage().contains("100000x100000"), rejection.getMessage());
    }

    @Test
    void aJpegHeaderDeclaringFourGigapixelsIsRefusedBeforeDecoding() {
        // JPEG sizes are 16-bit: 65000x65000 is as far as a JPEG bomb goes.
        var rejection = assertThrows(ImageRejectedException.class,
                () -> DEFAULT.render(TestImages.jpegDeclaring(65_000, 65_000)));

        assertEquals(RejectionReason.TOO_MANY_PIXELS, rejection.reason());
    }

    @Test
    void theMaximumNumberOfPixelsIsConfigurable() {
        ThumbnailRenderer strict = new ThumbnailRenderer(new ThumbnailSettings(List.of(128), OutputFormat.JPEG, 0.9f,
                1_000_000));

        var rejection = assertThrows(ImageRejectedException.class,
                () -> strict.render(jpeg(quadrants(1001, 1000, BufferedImage.TYPE_INT_RGB))));

        assertEquals(RejectionReason.TOO_MANY_PIXELS, rejection.reason());
    }

    @Test
    void aTextFileNamedJpgIsNotAnImage() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals(RejectionReason.NOT_AN_IMAGE,
                assertThrows(ImageRejectedException.class, () -> DEFAULT.render(pdf)).reason());
    }

    @Test
    void anEmptyFileIsNotAnImage() {
        assertEquals(RejectionReason.NOT_AN_IMAGE,
                assertThrows(ImageRejectedException.class, () -> DEFAULT.render(new byte[0])).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "progressive jpeg", "png", "gif", "bmp"})
    void aTruncatedFileIsCorrupt(String format) {
        BufferedImage noisy = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                noisy.setRGB(x, y, (x * 31 + y * 17) * 0x010101 ^ (x * y));
            }
        }
        byte[] full = switch (format) {
            case "jpeg" -> jpeg(noisy);
            case "progressive jpeg" -> jpeg(noisy, 0.95f, true);
            default -> encode(noisy, format);
        };
        byte[] truncated = Arrays.copyOf(full, full.length / 2);

        var rejection = assertThrows(ImageRejectedException.class, () -> DEFAULT.render(truncated));

        assertEquals(RejectionReason.CORRUPT, rejection.reason(), rejection.getMessage());
    }

    @Test
    void aTruncatedWebpIsCorrupt() {
        byte[] webp = TestImages.resource("quadrants-lossy.webp");

        var rejection = assertThrows(ImageRejectedException.class,
                () -> DEFAULT.render(Arrays.copyOf(webp, webp.length - 40)));

        assertEquals(RejectionReason.CORRUPT, rejection.reason());
    }

    @Test
    void garbageAfterAValidHeaderIsCorrupt() {
        byte[] png = encode(quadrants(300, 200, BufferedImage.TYPE_INT_RGB), "png");
        for (int i = 40; i < png.length - 12; i++) {
            png[i] = (byte) (i * 7);
        }

        assertEquals(RejectionReason.CORRUPT,
                assertThrows(ImageRejectedException.class, () -> DEFAULT.render(png)).reason());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertQuadrants(BufferedImage image) {
        Corner.TOP_LEFT.assertColour(RED, image);
        Corner.TOP_RIGHT.assertColour(GREEN, image);
        Corner.BOTTOM_LEFT.assertColour(BLUE, image);
        Corner.BOTTOM_RIGHT.assertColour(YELLOW, image);
    }

    enum Corner {
        TOP_LEFT(0.25, 0.25), TOP_RIGHT(0.75, 0.25), BOTTOM_LEFT(0.25, 0.75), BOTTOM_RIGHT(0.75, 0.75);

        private final double x;
        private final double y;

        Corner(double x, double y) {
            this.x = x;
            this.y = y;
        }

        void assertColour(Color expected, BufferedImage image) {
            TestImages.assertColour(expected, image, (int) (image.getWidth() * x), (int) (image.getHeight() * y));
        }
    }
}
