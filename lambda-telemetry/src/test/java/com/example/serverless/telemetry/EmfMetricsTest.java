package com.example.serverless.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics("thumbnail-service", new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    private List<JsonNode> lines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    @Test
    void countsOfAnInvocationBecomeOneEmfLinePerDimensionSet() throws Exception {
        metrics.count("ThumbnailsMade", 2);
        metrics.count("ThumbnailsMade", 1);
        metrics.count("ImagesRejected", 1, "Reason", "CORRUPT");
        metrics.count("ImagesRejected", 2, "Reason", "CORRUPT");
        metrics.count("ImagesRejected", 1, "Reason", "TOO_LARGE");
        metrics.flush();

        List<JsonNode> lines = lines();
        assertEquals(3, lines.size());
        JsonNode made = lines.get(0);
        assertEquals(1796212800000L, made.at("/_aws/Timestamp").asLong());
        JsonNode directive = made.at("/_aws/CloudWatchMetrics/0");
        assertEquals("ServerlessReference", directive.path("Namespace").asText());
        assertEquals("[[\"Service\"]]", directive.path("Dimensions").toString());
        assertEquals("[{\"Name\":\"ThumbnailsMade\",\"Unit\":\"Count\"}]", directive.path("Metrics").toString());
        assertEquals("thumbnail-service", made.path("Service").asText());
        assertEquals(3, made.path("ThumbnailsMade").asLong());
        assertEquals("[[\"Service\",\"Reason\"]]", lines.get(1).at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals("CORRUPT", lines.get(1).path("Reason").asText());
        assertEquals(3, lines.get(1).path("ImagesRejected").asLong());
        assertEquals(1, lines.get(2).path("ImagesRejected").asLong());
    }

    @Test
    void aFlushWritesOnlyWhatWasCountedSinceTheLastOne() throws Exception {
        metrics.count("EmailsSent", 1);
        metrics.flush();
        metrics.flush();

        assertEquals(1, lines().size());
    }

    @Test
    void aMetricCannotHideADimension() {
        assertThrows(IllegalArgumentException.class, () -> metrics.count("Service", 1));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("Reason", 1, "Reason", "x"));
    }
}
