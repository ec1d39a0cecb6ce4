package com.example.serverless.metadata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequencerTest {

    @Test
    void laterSequencerOfTheSameLengthIsAfter() {
        assertTrue(new Sequencer("00673DA97E4C1A2F37").isAfter(new Sequencer("00673DA97E4C1A2F36")));
        assertFalse(new Sequencer("00673DA97E4C1A2F36").isAfter(new Sequencer("00673DA97E4C1A2F37")));
    }

    @Test
    void shorterSequencerIsLeftPaddedBeforeComparing() {
        // As plain strings "FF" > "0100"; padded to equal length, 00FF < 0100.
        assertTrue(new Sequencer("0100").isAfter(new Sequencer("FF")));
        assertTrue(new Sequencer("1000").isAfter(new Sequencer("FFF")));
    }

    @Test
    void leadingZerosDoNotMakeADifferentSequencer() {
        assertEquals(new Sequencer("FF"), new Sequencer("00FF"));
        assertEquals(new Sequencer("FF").hashCode(), new Sequencer("00FF").hashCode());
        assertEquals(0, new Sequencer("00FF").compareTo(new Sequencer("FF")));
    }

    @Test
    void lowerCaseHexComparesLikeUpperCase() {
        assertEquals(new Sequencer("00ab"), new Sequencer("00AB"));
        assertTrue(new Sequencer("0b").isAfter(new Sequencer("0A")));
    }

    @Test
    void paddedFormHasTheStoredWidthAndKeepsTheValue() {
        String padded = new Sequencer("00673DA97E4C1A2F36").padded();
        assertEquals(Sequencer.STORED_WIDTH, padded.length());
        assertTrue(padded.endsWith("673DA97E4C1A2F36"));
        assertEquals(new Sequencer("00673DA97E4C1A2F36"), new Sequencer(padded));
    }

    @Test
    void paddedStringsOrderExactlyAsSequencersDo() {
        // DynamoDB compares the stored strings; that order must be the sequencer order, whatever the lengths.
        Random random = new Random(20261120);
        for (int i = 0; i < 10_000; i++) {
            Sequencer a = randomSequencer(random);
            Sequencer b = randomSequencer(random);
            assertEquals(Integer.signum(numeric(a).compareTo(numeric(b))), Integer.signum(a.compareTo(b)),
                    a + " vs " + b);
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(a.padded().compareTo(b.padded())),
                    a + " vs " + b);
        }
    }

    @Test
    void emptyTooLongOrNonHexSequencersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sequencer(""));
        assertThrows(IllegalArgumentException.class, () -> new Sequencer(null));
        assertThrows(IllegalArgumentException.class, () -> new Sequencer("00673DA97E4C1A2G36"));
        assertThrows(IllegalArgumentException.class, () -> new Sequencer("-1"));
        assertThrows(IllegalArgumentException.class, () -> new Sequencer("1".repeat(Sequencer.STORED_WIDTH + 1)));
    }

    private static Sequencer randomSequencer(Random random) {
        String hex = Long.toHexString(random.nextLong() >>> random.nextInt(64));
        return new Sequencer("0".repeat(random.nextInt(4)) + hex);
    }

    private static BigInteger numeric(Sequencer sequencer) {
        return new BigInteger(sequencer.hex(), 16);
    }
}
