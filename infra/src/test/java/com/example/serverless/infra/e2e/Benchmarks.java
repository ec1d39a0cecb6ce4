package com.example.serverless.infra.e2e;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** What the E2E benchmarks share: the photo they upload and how they summarise the latencies they measured. */
final class Benchmarks {

    private Benchmarks() {
    }

    /** A JPEG of a colour gradient: every pixel row differs, as in a photo. */
    static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The nearest-rank percentile of latencies sorted ascending, in nanoseconds, as milliseconds. */
    static double percentileMillis(List<Long> sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
