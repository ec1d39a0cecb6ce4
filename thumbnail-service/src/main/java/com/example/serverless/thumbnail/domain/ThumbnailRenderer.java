package com.example.serverless.thumbnail.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns the bytes of an image into thumbnails: header check, subsampled decode, EXIF orientation, quality
 * downscaling, encoding. Decoders are the ImageIO plugins on the class path (the JDK's plus TwelveMonkeys'), and
 * for plain progressive JPEGs the JDK's AWT decoder ({@link ToolkitJpegDecoder}), which is about twice as fast
 * on them.
 */
public final class ThumbnailRenderer {

    /**
     * Larger images are decoded with source subsampling (every n-th pixel of every n-th row) down to about this
     * many pixels, which bounds the heap whatever the photo: 8 MP is 32 MB as int RGB. A 24 MP photo is read at
     * half its size, and what is lost is only detail the thumbnails cannot show anyway.
     */
    private static final long DECODE_BUDGET_PIXELS = 8_000_000;

    /**
     * Subsampling never goes below this many times the largest thumbnail's width, so that the averaging
     * downscale which follows has pixels to smooth what plain subsampling would alias.
     */
    private static final int DECODE_MARGIN = 3;

    /**
     * Averaging blocks of pixels on decode cannot alias, so it may go further than subsampling: down to twice the
     * largest thumbnail's width, which the halving downscale then smooths into the final size.
     */
    private static final int AVERAGING_MARGIN = 2;

    private final ThumbnailSettings settings;
    private final boolean toolkitForProgressiveJpeg;

    public ThumbnailRenderer(ThumbnailSettings settings) {
        this(settings, true);
    }

    /**
     * @param toolkitForProgressiveJpeg false sends every image through ImageIO, as before the AWT path existed;
     *                                  the benchmark and the tests compare both
     */
    public ThumbnailRenderer(ThumbnailSettings settings, boolean toolkitForProgressiveJpeg) {
        this.settings = settings;
        this.toolkitForProgressiveJpeg = toolkitForProgressiveJpeg;
    }

    public RenderedImage render(byte[] image) throws ImageRejectedException {
        Decoded decoded = decode(image);
        BufferedImage upright = upright(decoded.image(), decoded.orientation());
        int sourceWidth = decoded.orientation().swapsAxes() ? decoded.storedHeight() : decoded.storedWidth();
        int sourceHeight = decoded.orientation().swapsAxes() ? decoded.storedWidth() : decoded.storedHeight();

        List<Thumbnail> thumbnails = new ArrayList<>();
        for (int targetWidth : settings.widths()) {
            int width = Math.min(targetWidth, sourceWidth);
            int height = Math.max(1, (int) Math.round((double) sourceHeight * width / sourceWidth));
            BufferedImage scaled = Downscaler.scale(upright, width, height);
            thumbnails.add(new Thumbnail(targetWidth, width, height, settings.format(), encode(scaled)));
        }
        return new RenderedImage(sourceWidth, sourceHeight, thumbnails);
    }

    private Decoded decode(byte[] image) throws ImageRejectedException {
        try (ImageInputStream input = new ByteArrayImageInputStream(image)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ImageRejectedException(RejectionReason.NOT_AN_IMAGE, "no decoder recognises the content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > settings.maxPixels()) {
                    throw new ImageRejectedException(RejectionReason.TOO_MANY_PIXELS, "%s declares %dx%d pixels, more than %d"
                            .formatted(reader.getFormatName(), width, height, settings.maxPixels()));
                }
                Metadata metadata = metadata(image);
                Orientation orientation = Orientation.of(metadata);
                int uprightWidth = orientation.swapsAxes() ? height : width;
                if (toolkitForProgressiveJpeg && ToolkitJpegDecoder.handles(image, metadata)) {
                    int factor = Math.max(1, uprightWidth / (AVERAGING_MARGIN * settings.largestWidth()));
                    Optional<BufferedImage> averaged = ToolkitJpegDecoder.decode(image, factor);
                    if (averaged.isPresent()) {
                        return new Decoded(averaged.get(), width, height, orientation);
                    }
                    // Damaged after all: ImageIO reads it again and says what is wrong.
                }
                int step = subsampling(width, height, uprightWidth);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                TruncationWatch truncation = new TruncationWatch();
                reader.addIIOReadWarningListener(truncation);
                BufferedImage pixels = reader.read(0, param);
                if (truncation.message != null) {
                    throw new ImageRejectedException(RejectionReason.CORRUPT,
                            reader.getFormatName() + ": " + truncation.message);
                }
                return new Decoded(pixels, width, height, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException malformed) {
            // Decoders report malformed data as IIOException but also as unchecked exceptions from deep inside
            // (index out of bounds, CMMException for broken colour profiles); either way the bytes are bad.
            throw new ImageRejectedException(RejectionReason.CORRUPT, describe(malformed), malformed);
        }
    }

    /** metadata-extractor's view of the headers; empty when they cannot be read (the pixels may still be fine). */
    private static Metadata metadata(byte[] image) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        } catch (ImageProcessingException | IOException unreadable) {
            return new Metadata();
        }
    }

    private int subsampling(int width, int height, int uprightWidth) {
        int step = 1;
        while ((long) (width / step) * (height / step) > DECODE_BUDGET_PIXELS) {
            step++;
        }
        return Math.max(1, Math.min(step, uprightWidth / (DECODE_MARGIN * settings.largestWidth())));
    }

    /** Draws the decoded pixels upright into a plain sRGB raster; alpha is kept only if the output format can. */
    private BufferedImage upright(BufferedImage stored, Orientation orientation) {
        boolean alpha = settings.format().keepsAlpha() && stored.getColorModel().hasAlpha();
        int width = orientation.swapsAxes() ? stored.getHeight() : stored.getWidth();
        int height = orientation.swapsAxes() ? stored.getWidth() : stored.getHeight();
        // Premultiplied alpha so that averaging does not bleed the colour of invisible pixels into the edges.
        BufferedImage upright = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            // Turns by multiples of 90 degrees and mirrors map pixels onto pixels: no interpolation involved.
            g.drawImage(stored, orientation.toUpright(stored.getWidth(), stored.getHeight()), null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    private byte[] encode(BufferedImage image) {
        BufferedImage encodable = image;
        if (image.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
            // PNG stores straight (not premultiplied) alpha.
            encodable = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = encodable.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(settings.format().imageIoName()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        // A memory-backed stream: ImageIO's default would cache through a temporary file.
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (settings.format() == OutputFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(settings.jpegQuality());
            }
            writer.write(null, new IIOImage(encodable, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("encoding a " + settings.format() + " in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private record Decoded(BufferedImage image, int storedWidth, int storedHeight, Orientation orientation) {
    }

    /**
     * libjpeg (inside the JDK's JPEG reader) does not fail on a truncated file: it warns and fills the rest
     * with grey. A half-grey thumbnail is worse than none, so that warning counts as corrupt data.
     */
    private static final class TruncationWatch implements IIOReadWarningListener {

        private String message;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            // libjpeg's words for running out of data. A merely missing end marker after complete data is fine.
            if (message == null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                message = warning;
            }
        }
    }

    /** Progressive halving with bilinear interpolation: each halving averages 2x2 pixels (a box filter). */
    private static final class Downscaler {

        static BufferedImage scale(BufferedImage source, int width, int height) {
            BufferedImage current = source;
            while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
                current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
            }
            if (current.getWidth() != width || current.getHeight() != height) {
                current = draw(current, width, height);
            }
            return current;
        }

        private static BufferedImage draw(BufferedImage source, int width, int height) {
            BufferedImage target = new BufferedImage(width, height, source.getType());
            Graphics2D g = target.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(source, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            return target;
        }
    }
}
