package com.example.serverless.thumbnail.domain;

import com.drew.metadata.Metadata;
import com.drew.metadata.adobe.AdobeJpegDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jpeg.JpegComponent;
import com.drew.metadata.jpeg.JpegDirectory;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.ImageConsumer;
import java.awt.image.ImageProducer;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decodes plain progressive JPEGs through the JDK's AWT decoder ({@link Toolkit#createImage(byte[])}), which uses
 * the same bundled libjpeg as ImageIO but renders the picture a few times instead of once per scan.
 *
 * <p>Why: ImageIO's JPEG reader (TwelveMonkeys' delegates to it) runs libjpeg in buffered-image mode and produces
 * the whole picture after every scan, to report progress: ten full inverse-DCT and colour-conversion passes for
 * a progressive file as libjpeg writes them, and no read parameter avoids that. The AWT decoder reads ahead of
 * what it renders, so it makes a preview or two and then the final picture (three passes for the benchmark's
 * 24 MP photo).
 *
 * <p>Only what both decoders read alike comes here: one or three components numbered as JFIF numbers them
 * (libjpeg's YCbCr), no ICC profile and no Adobe marker (ImageIO applies those, this decoder ignores them), and
 * the end marker at the end, because this decoder fills a truncated file with grey without telling anyone.
 */
public final class ToolkitJpegDecoder {

    private static final int PROGRESSIVE_HUFFMAN = 2; // SOF2 - SOF0, as metadata-extractor records it

    private ToolkitJpegDecoder() {
    }

    static boolean handles(byte[] image, Metadata metadata) {
        JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        if (jpeg == null || !jpeg.containsTag(JpegDirectory.TAG_COMPRESSION_TYPE)
                || metadata.containsDirectoryOfType(IccDirectory.class)
                || metadata.containsDirectoryOfType(AdobeJpegDirectory.class)) {
            return false;
        }
        Integer compression = jpeg.getInteger(JpegDirectory.TAG_COMPRESSION_TYPE);
        Integer components = jpeg.getInteger(JpegDirectory.TAG_NUMBER_OF_COMPONENTS);
        return compression != null && compression == PROGRESSIVE_HUFFMAN
                && components != null && (components == 1 || components == 3 && jfifComponentIds(jpeg))
                && endsWithEndMarker(image);
    }

    /**
     * Decodes and averages every {@code factor} x {@code factor} block of pixels into one as the rows arrive, so
     * the full-size picture never exists in the heap. Empty when the decoder reports an error.
     */
    public static Optional<BufferedImage> decode(byte[] jpeg, int factor) {
        ImageProducer producer = Toolkit.getDefaultToolkit().createImage(jpeg).getSource();
        BlockAverager averager = new BlockAverager(producer, factor);
        // The producer decodes on one of the JDK's "Image Fetcher" threads and calls the consumer there.
        producer.startProduction(averager);
        return Optional.ofNullable(averager.result.join());
    }

    private static boolean jfifComponentIds(JpegDirectory jpeg) {
        for (int i = 0; i < 3; i++) {
            JpegComponent component = jpeg.getComponent(i);
            if (component == null || component.getComponentId() != i + 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithEndMarker(byte[] image) {
        return image.length >= 4 && (image[image.length - 2] & 0xFF) == 0xFF && (image[image.length - 1] & 0xFF) == 0xD9;
    }

    /**
     * Receives the decoded rows, top to bottom and whole (the JPEG decoder's hints say so), once per pass, and
     * sums each block of {@code factor} rows and columns; the last block of a row or column also takes the
     * remainder. A new pass starts again at row 0 and overwrites the preview's rows.
     */
    private static final class BlockAverager implements ImageConsumer {

        private final ImageProducer producer;
        private final int factor;
        private final CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        private int height;
        private BufferedImage image;
        private int[] sumIndexOfColumn;
        private int[] columnsInBlock;
        private int[] converted;
        private long[] sums; // red, green, blue per block of the output row being summed
        private int[] row;

        BlockAverager(ImageProducer producer, int factor) {
            this.producer = producer;
            this.factor = factor;
        }

        @Override
        public void setDimensions(int width, int height) {
            this.height = height;
            int outWidth = Math.max(1, width / factor);
            image = new BufferedImage(outWidth, Math.max(1, height / factor), BufferedImage.TYPE_INT_RGB);
            sumIndexOfColumn = new int[width];
            columnsInBlock = new int[outWidth];
            for (int x = 0; x < width; x++) {
                int block = Math.min(x / factor, outWidth - 1);
                sumIndexOfColumn[x] = 3 * block;
                columnsInBlock[block]++;
            }
            converted = new int[width];
            sums = new long[3 * outWidth];
            row = new int[outWidth];
        }

        @Override
        public void setPixels(int x, int y, int w, int h, ColorModel model, int[] pixels, int offset, int scansize) {
            // The decoder's colour pixels are 0xRRGGBB already: summed as they are, without a call per pixel.
            boolean rgb = model instanceof DirectColorModel direct && direct.getRedMask() == 0xFF0000
                    && direct.getGreenMask() == 0xFF00 && direct.getBlueMask() == 0xFF;
            for (int r = 0; r < h; r++) {
                int start = offset + r * scansize;
                if (!rgb) {
                    for (int i = 0; i < w; i++) {
                        converted[i] = model.getRGB(pixels[start + i]);
                    }
                }
                addRow(x, y + r, rgb ? pixels : converted, rgb ? start : 0, w);
            }
        }

        @Override
        public void setPixels(int x, int y, int w, int h, ColorModel model, byte[] pixels, int offset, int scansize) {
            for (int r = 0; r < h; r++) {
                int start = offset + r * scansize;
                for (int i = 0; i < w; i++) {
                    converted[i] = model.getRGB(pixels[start + i] & 0xFF);
                }
                addRow(x, y + r, converted, 0, w);
            }
        }

        private void addRow(int x, int y, int[] rgb, int start, int w) {
            // A block's first row starts its sums afresh, also when a pass stopped in the middle of a block.
            if (y % factor == 0 && y / factor < image.getHeight()) {
                Arrays.fill(sums, 0);
            }
            for (int i = 0; i < w; i++) {
                int pixel = rgb[start + i];
                int block = sumIndexOfColumn[x + i];
                sums[block] += pixel >> 16 & 0xFF;
                sums[block + 1] += pixel >> 8 & 0xFF;
                sums[block + 2] += pixel & 0xFF;
            }
            rowDone(y);
        }

        private void rowDone(int y) {
            int outY = Math.min(y / factor, image.getHeight() - 1);
            boolean lastOutputRow = outY == image.getHeight() - 1;
            int lastRowOfBlock = lastOutputRow ? height - 1 : (outY + 1) * factor - 1;
            if (y < lastRowOfBlock) {
                return;
            }
            long rows = lastRowOfBlock - (long) outY * factor + 1;
            for (int b = 0; b < row.length; b++) {
                long count = rows * columnsInBlock[b];
                row[b] = (int) (sums[3 * b] / count) << 16 | (int) (sums[3 * b + 1] / count) << 8
                        | (int) (sums[3 * b + 2] / count);
            }
            image.setRGB(0, outY, row.length, 1, row, 0, row.length);
        }

        @Override
        public void imageComplete(int status) {
            producer.removeConsumer(this);
            boolean failed = status == IMAGEERROR || status == IMAGEABORTED;
            result.complete(failed ? null : image);
        }

        @Override
        public void setProperties(Hashtable<?, ?> properties) {
        }

        @Override
        public void setColorModel(ColorModel model) {
        }

        @Override
        public void setHints(int flags) {
        }
    }
}
