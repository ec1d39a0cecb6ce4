package com.example.serverless.thumbnail.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images made in the test, byte by byte where the point is a header or a marker. Public for the benchmark,
 * which writes its large photos with the same JPEG and EXIF helpers.
 */
public final class TestImages {

    static final Color RED = new Color(255, 0, 0);
    static final Color GREEN = new Color(0, 255, 0);
    static final Color BLUE = new Color(0, 0, 255);
    static final Color YELLOW = new Color(255, 255, 0);
    static final Color WHITE = Color.WHITE;

    private TestImages() {
    }

    /** Red top left, green top right, blue bottom left, yellow bottom right. */
    static BufferedImage quadrants(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            fill(g, RED, 0, 0, width / 2, height / 2);
            fill(g, GREEN, width / 2, 0, width - width / 2, height / 2);
            fill(g, BLUE, 0, height / 2, width / 2, height - height / 2);
            fill(g, YELLOW, width / 2, height / 2, width - width / 2, height - height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Smooth shapes plus sensor-like noise, so the JPEG has a camera's entropy (a few MB at quality 90). */
    public static BufferedImage photoLike(int width, int height, long seed) {
        Random random = new Random(seed);
        double fx = 2 + random.nextDouble() * 6;
        double fy = 2 + random.nextDouble() * 6;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double shade = Math.sin(u * fx * Math.PI + Math.cos(v * fy * Math.PI) * 2);
                int noise = random.nextInt(24) - 12;
                int r = clampToByte(128 + 90 * shade + 40 * u + noise);
                int g = clampToByte(110 + 70 * Math.cos(v * fy * 3 + u * 5) + noise);
                int b = clampToByte(100 + 80 * Math.sin((u + v) * fx * 2) + noise);
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            fill(g, color, 0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void fill(Graphics2D g, Color color, int x, int y, int width, int height) {
        g.setColor(color);
        g.fillRect(x, y, width, height);
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes), "no " + format + " writer for " + image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.95f, false);
    }

    /** A JPEG from the JDK's own writer, baseline or progressive. */
    public static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        return write(jdkJpegWriter(), new IIOImage(image, null, null), quality, progressive);
    }

    /**
     * A four-channel JPEG as Photoshop writes them: inverted CMYK samples and an Adobe APP14 marker whose
     * transform says CMYK (0) or YCCK (2, the CMY part stored as YCbCr). Left half cyan, right half black.
     */
    static byte[] cmykJpeg(int width, int height, boolean ycck) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = x < width / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 0, 0, 255};
                int[] stored = {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]};
                if (ycck) {
                    double r = 255 - stored[0];
                    double g = 255 - stored[1];
                    double b = 255 - stored[2];
                    stored = new int[] {clamp(0.299 * r + 0.587 * g + 0.114 * b),
                            clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128),
                            clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128), stored[3]};
                }
                raster.setPixel(x, y, stored);
            }
        }
        // The JDK's writer stores a raster's samples as they are, without a colour transform or markers.
        byte[] plain = write(jdkJpegWriter(), new IIOImage(raster, null, null), 0.95f, false);
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) (ycck ? 2 : 0)};
        return insertAfterSoi(plain, adobe);
    }

    /** An ICC_PROFILE APP2 segment of garbage, as some broken exporters write. */
    static byte[] withBrokenIccProfile(byte[] jpeg) {
        byte[] garbage = "this is not an ICC profile at all, just text that claims to be one".getBytes(
                StandardCharsets.US_ASCII);
        byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer segment = ByteBuffer.allocate(4 + name.length + 2 + garbage.length);
        segment.put((byte) 0xFF).put((byte) 0xE2).putShort((short) (2 + name.length + 2 + garbage.length));
        segment.put(name).put((byte) 1).put((byte) 1).put(garbage);
        return insertAfterSoi(jpeg, segment.array());
    }

    /** An EXIF APP1 segment (big-endian TIFF) holding only the orientation tag. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer segment = ByteBuffer.allocate(36);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) 34);
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        segment.putShort((short) 1); // one IFD entry
        segment.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        segment.putInt(0); // no next IFD
        return insertAfterSoi(jpeg, segment.array());
    }

    /** A PNG whose IHDR declares the given size, followed by a token IDAT: a decompression bomb's header. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A baseline JPEG header (SOI, SOF0) declaring the given size, then nothing of substance. */
    static byte[] jpegDeclaring(int width, int height) {
        ByteBuffer jpeg = ByteBuffer.allocate(2 + 19 + 2);
        jpeg.put((byte) 0xFF).put((byte) 0xD8);
        jpeg.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8)
                .putShort((short) height).putShort((short) width).put((byte) 3);
        for (int component = 1; component <= 3; component++) {
            jpeg.put((byte) component).put((byte) 0x11).put((byte) 0);
        }
        jpeg.put((byte) 0xFF).put((byte) 0xD9);
        return jpeg.array();
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /images/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("the output is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Colours survive JPEG only approximately. */
    static void assertColour(Color expected, BufferedImage image, int x, int y) {
        Color actual = new Color(image.getRGB(x, y), true);
        assertTrue(colourDistance(expected.getRGB(), actual.getRGB()) <= 60,
                () -> "at (" + x + "," + y + ") expected " + expected + " but was " + actual);
    }

    /** How far apart two RGB colours are: the sum of their red, green and blue differences (alpha ignored). */
    static int colourDistance(int rgb, int otherRgb) {
        return Math.abs((rgb >> 16 & 0xFF) - (otherRgb >> 16 & 0xFF))
                + Math.abs((rgb >> 8 & 0xFF) - (otherRgb >> 8 & 0xFF))
                + Math.abs((rgb & 0xFF) - (otherRgb & 0xFF));
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] result = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, result, 0, 2);
        System.arraycopy(segment, 0, result, 2, segment.length);
        System.arraycopy(jpeg, 2, result, 2 + segment.length, jpeg.length - 2);
        return result;
    }

    private static int clampToByte(double value) {
        return (int) Math.max(0, Math.min(255, value));
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** The JDK's own writer, so that tests do not depend on which plugin ImageIO lists first. */
    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's JPEG writer is missing");
    }

    private static byte[] write(ImageWriter writer, IIOImage image, float quality, boolean progressive) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
