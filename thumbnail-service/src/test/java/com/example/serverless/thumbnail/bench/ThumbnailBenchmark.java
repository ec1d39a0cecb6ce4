package com.example.serverless.thumbnail.bench;

import com.example.serverless.thumbnail.domain.ImageRejectedException;
import com.example.serverless.thumbnail.domain.OutputFormat;
import com.example.serverless.thumbnail.domain.RenderedImage;
import com.example.serverless.thumbnail.domain.TestImages;
import com.example.serverless.thumbnail.domain.ThumbnailRenderer;
import com.example.serverless.thumbnail.domain.ThumbnailSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Not a test: run by {@code bench/run.sh}. {@code generate DIR} writes large photo-like JPEGs; {@code render
 * WARMUPS RUNS FILE} times the production renderer on one of them (widths 128 and 512, as deployed) and prints
 * the median and the JVM's peak heap.
 */
public final class ThumbnailBenchmark {

    private ThumbnailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "render" -> render(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("generate DIR | render WARMUPS RUNS FILE");
        }
    }

    private static void render(int warmups, int runs, Path file) throws IOException, ImageRejectedException {
        byte[] bytes = Files.readAllBytes(file);
        ThumbnailRenderer renderer = new ThumbnailRenderer(
                new ThumbnailSettings(List.of(128, 512), OutputFormat.JPEG, 0.85f, 60_000_000));
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

    private static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(photoLike(4000, 3000, 1), dir.resolve("photo-12mp.jpg"), false, 0);
        write(photoLike(6000, 4000, 2), dir.resolve("photo-24mp.jpg"), false, 0);
        write(photoLike(6000, 4000, 3), dir.resolve("photo-24mp-portrait.jpg"), false, 6);
        write(photoLike(6000, 4000, 4), dir.resolve("photo-24mp-progressive.jpg"), true, 0);
    }

    /** Smooth shapes plus sensor-like noise, so the JPEG has a camera's entropy (a few MB at quality 90). */
    private static BufferedImage photoLike(int width, int height, long seed) {
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
                int r = clamp(128 + 90 * shade + 40 * u + noise);
                int g = clamp(110 + 70 * Math.cos(v * fy * 3 + u * 5) + noise);
                int b = clamp(100 + 80 * Math.sin((u + v) * fx * 2) + noise);
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static void write(BufferedImage image, Path file, boolean progressive, int orientation) throws IOException {
        byte[] jpeg = TestImages.jpeg(image, 0.9f, progressive);
        Files.write(file, orientation == 0 ? jpeg : TestImages.withExifOrientation(jpeg, orientation));
        System.out.printf("generated %s %dx%d %.1f MB%n", file, image.getWidth(), image.getHeight(),
                Files.size(file) / 1048576.0);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, value));
    }
}
