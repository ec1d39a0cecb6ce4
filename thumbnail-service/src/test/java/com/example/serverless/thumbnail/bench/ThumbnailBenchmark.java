package com.example.serverless.thumbnail.bench;

import com.example.serverless.thumbnail.domain.ImageRejectedException;
import com.example.serverless.thumbnail.domain.OutputFormat;
import com.example.serverless.thumbnail.domain.RenderedImage;
import com.example.serverless.thumbnail.domain.TestImages;
import com.example.serverless.thumbnail.domain.ThumbnailRenderer;
import com.example.serverless.thumbnail.domain.ThumbnailSettings;
import com.example.serverless.thumbnail.domain.ToolkitJpegDecoder;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Not a test: run by {@code bench/run.sh}. {@code generate DIR} writes large photo-like JPEGs; {@code render
 * WARMUPS RUNS FILE PATH} times the production renderer on one of them (widths 128 and 512, as deployed) and
 * prints the median and the JVM's peak heap. PATH {@code new} is the renderer as deployed, {@code old} sends every
 * image through ImageIO as before the AWT path for progressive JPEGs. {@code decoders WARMUPS RUNS FILE} times
 * the decode step alone, each way it can be done, for the README's decoder table.
 */
public final class ThumbnailBenchmark {

    private ThumbnailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "render" -> render(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    switch (args[4]) {
                        case "new" -> true;
                        case "old" -> false;
                        default -> throw new IllegalArgumentException("PATH is new or old: " + args[4]);
                    });
            case "decoders" -> decoders(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException(
                    "generate DIR | render WARMUPS RUNS FILE new|old | decoders WARMUPS RUNS FILE");
        }
    }

    private static void render(int warmups, int runs, Path file, boolean toolkitForProgressiveJpeg)
            throws IOException, ImageRejectedException {
        byte[] bytes = Files.readAllBytes(file);
        ThumbnailRenderer renderer = new ThumbnailRenderer(
                new ThumbnailSettings(List.of(128, 512), OutputFormat.JPEG, 0.85f, 60_000_000), toolkitForProgressiveJpeg);
        long coldStart = System.nanoTime();
        RenderedImage first = renderer.render(bytes);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        for (int i = 1; i < warmups; i++) {
            renderer.render(bytes);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            renderer.render(bytes);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
        System.out.printf("RESULT file=%s source=%dx%d first_ms=%.0f median_ms=%.0f peak_heap_mb=%.0f%n",
                file.getFileName(), first.sourceWidth(), first.sourceHeight(), coldMillis, millis[runs / 2],
                peakHeap / 1048576.0);
    }

    /**
     * The decode alone (no orientation, scaling or encoding), 24 MP to a 512-pixel thumbnail: ImageIO with
     * TwelveMonkeys' reader and with the JDK's, each subsampling as the renderer does (to about 8 MP) and as far
     * as twice the thumbnail's width allows, and the AWT decoder averaging down to that width. The ways run in
     * turn, round after round, so that load from elsewhere falls on all of them alike.
     */
    private static void decoders(int warmups, int runs, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int width;
        int height;
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            reader.dispose();
        }
        int budgetStep = (int) Math.ceil(Math.sqrt((double) width * height / 8_000_000));
        int widthStep = Math.max(1, width / (2 * 512));
        Map<String, Callable<BufferedImage>> ways = new LinkedHashMap<>();
        ways.put("imageio_twelvemonkeys_1/" + budgetStep, () -> imageIo(bytes, "com.twelvemonkeys.", budgetStep));
        ways.put("imageio_twelvemonkeys_1/" + widthStep, () -> imageIo(bytes, "com.twelvemonkeys.", widthStep));
        ways.put("imageio_jdk_1/" + budgetStep, () -> imageIo(bytes, "com.sun.", budgetStep));
        ways.put("imageio_jdk_1/" + widthStep, () -> imageIo(bytes, "com.sun.", widthStep));
        ways.put("toolkit_averaged_1/" + widthStep, () -> ToolkitJpegDecoder.decode(bytes, widthStep).orElseThrow());
        Map<String, double[]> millis = new LinkedHashMap<>();
        ways.keySet().forEach(way -> millis.put(way, new double[runs]));
        for (int round = -warmups; round < runs; round++) {
            for (Map.Entry<String, Callable<BufferedImage>> way : ways.entrySet()) {
                long start = System.nanoTime();
                way.getValue().call();
                if (round >= 0) {
                    millis.get(way.getKey())[round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        millis.forEach((way, times) -> {
            Arrays.sort(times);
            System.out.printf("DECODE file=%s way=%s median_ms=%.0f%n", file.getFileName(), way, times[runs / 2]);
        });
    }

    private static BufferedImage imageIo(byte[] bytes, String readerPackage, int step) throws IOException {
        try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                if (reader.getClass().getName().startsWith(readerPackage)) {
                    try {
                        reader.setInput(input);
                        ImageReadParam param = reader.getDefaultReadParam();
                        param.setSourceSubsampling(step, step, 0, 0);
                        return reader.read(0, param);
                    } finally {
                        reader.dispose();
                    }
                }
            }
        }
        throw new IllegalStateException("no JPEG reader from " + readerPackage);
    }

    private static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(TestImages.photoLike(4000, 3000, 1), dir.resolve("photo-12mp.jpg"), false, 0);
        write(TestImages.photoLike(6000, 4000, 2), dir.resolve("photo-24mp.jpg"), false, 0);
        write(TestImages.photoLike(6000, 4000, 3), dir.resolve("photo-24mp-portrait.jpg"), false, 6);
        write(TestImages.photoLike(6000, 4000, 4), dir.resolve("photo-24mp-progressive.jpg"), true, 0);
    }

    private static void write(BufferedImage image, Path file, boolean progressive, int orientation) throws IOException {
        byte[] jpeg = TestImages.jpeg(image, 0.9f, progressive);
        Files.write(file, orientation == 0 ? jpeg : TestImages.withExifOrientation(jpeg, orientation));
        System.out.printf("generated %s %dx%d %.1f MB%n", file, image.getWidth(), image.getHeight(),
                Files.size(file) / 1048576.0);
    }
}
