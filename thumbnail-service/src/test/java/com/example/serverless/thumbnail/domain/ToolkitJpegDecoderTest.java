package com.example.serverless.thumbnail.domain;

import static com.example.serverless.thumbnail.domain.TestImages.decode;
import static com.example.serverless.thumbnail.domain.TestImages.jpeg;
import static com.example.serverless.thumbnail.domain.TestImages.photoLike;
import static com.example.serverless.thumbnail.domain.TestImages.quadrants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolkitJpegDecoderTest {

    private static final byte[] PROGRESSIVE = jpeg(photoLike(1203, 805, 7), 0.9f, true);

    @Test
    void takesPlainProgressiveJpegsInColourAndGrey() throws Exception {
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(photoLike(300, 200, 1), 0, 0, null);

        assertTrue(handles(PROGRESSIVE));
        assertTrue(handles(jpeg(grey, 0.9f, true)));
        assertTrue(handles(TestImages.withExifOrientation(PROGRESSIVE, 6)));
    }

    @Test
    void leavesEverythingElseToImageIo() throws Exception {
        assertFalse(handles(jpeg(photoLike(300, 200, 1), 0.9f, false)), "baseline");
        assertFalse(handles(TestImages.withBrokenIccProfile(PROGRESSIVE)), "an ICC profile");
        assertFalse(handles(Arrays.copyOf(PROGRESSIVE, PROGRESSIVE.length - 100)), "truncated");
        assertFalse(handles(TestImages.cmykJpeg(64, 64, false)), "CMYK");
        assertFalse(handles(TestImages.encode(quadrants(64, 64, BufferedImage.TYPE_INT_RGB), "png")), "PNG");
    }

    /**
     * The averaged image is what averaging ImageIO's full decode gives: same size rule (the last block takes the
     * remainder), same pixels within rounding. The file has several scans, so the preview pass is overwritten.
     */
    @ParameterizedTest(name = "factor {0}")
    @CsvSource({"1", "2", "4", "7"})
    void averagesBlocksOfTheFullDecode(int factor) {
        BufferedImage full = decode(PROGRESSIVE);

        BufferedImage averaged = ToolkitJpegDecoder.decode(PROGRESSIVE, factor).orElseThrow();

        assertEquals(1203 / factor, averaged.getWidth());
        assertEquals(805 / factor, averaged.getHeight());
        int worst = 0;
        for (int y = 0; y < averaged.getHeight(); y++) {
            for (int x = 0; x < averaged.getWidth(); x++) {
                worst = Math.max(worst, TestImages.colourDistance(blockAverage(full, factor, x, y), averaged.getRGB(x, y)));
            }
        }
        assertTrue(worst <= 6, "largest difference per pixel (sum over red, green, blue): " + worst);
    }

    @Test
    void aDamagedFileIsAnErrorNotAPicture() {
        byte[] damaged = PROGRESSIVE.clone();
        // Keep the headers and the end marker, overwrite the scans with a marker libjpeg cannot take.
        for (int i = damaged.length / 3; i < damaged.length - 2; i += 2) {
            damaged[i] = (byte) 0xFF;
            damaged[i + 1] = (byte) 0xC8;
        }

        assertTrue(ToolkitJpegDecoder.decode(damaged, 2).isEmpty());
    }

    private static boolean handles(byte[] image) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        return ToolkitJpegDecoder.handles(image, metadata);
    }

    private static int blockAverage(BufferedImage full, int factor, int bx, int by) {
        int lastX = bx == full.getWidth() / factor - 1 ? full.getWidth() : (bx + 1) * factor;
        int lastY = by == full.getHeight() / factor - 1 ? full.getHeight() : (by + 1) * factor;
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int y = by * factor; y < lastY; y++) {
            for (int x = bx * factor; x < lastX; x++) {
                int rgb = full.getRGB(x, y);
                r += rgb >> 16 & 0xFF;
                g += rgb >> 8 & 0xFF;
                b += rgb & 0xFF;
                n++;
            }
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }
}
