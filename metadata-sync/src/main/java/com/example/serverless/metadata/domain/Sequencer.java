package com.example.serverless.metadata.domain;

import java.util.Locale;

/**
 * The {@code sequencer} of an S3 event notification: a hexadecimal value that grows with every PUT and DELETE
 * on one object key. AWS documents how to compare two of them: left-pad the shorter with zeros, then compare
 * as strings. Values of different keys mean nothing to each other.
 */
public record Sequencer(String hex) implements Comparable<Sequencer> {

    /**
     * Width of {@link #padded()}, the form the index stores: at one fixed width, DynamoDB's string comparison
     * in a condition expression orders sequencers exactly as {@link #compareTo} does. S3 sends 16 to 20 digits.
     */
    public static final int STORED_WIDTH = 64;

    public Sequencer {
        if (hex == null || hex.isEmpty() || hex.length() > STORED_WIDTH) {
            throw new IllegalArgumentException("sequencer must be 1 to " + STORED_WIDTH + " hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("sequencer is not hexadecimal");
            }
        }
        hex = hex.toUpperCase(Locale.ROOT);
    }

    /** Left-padded with zeros to {@link #STORED_WIDTH}. */
    public String padded() {
        return leftPad(hex, STORED_WIDTH);
    }

    @Override
    public int compareTo(Sequencer other) {
        int width = Math.max(hex.length(), other.hex.length());
        return leftPad(hex, width).compareTo(leftPad(other.hex, width));
    }

    /** {@code true} when this event happened after {@code other} (on the same key). */
    public boolean isAfter(Sequencer other) {
        return compareTo(other) > 0;
    }

    private static String leftPad(String value, int width) {
        return "0".repeat(width - value.length()) + value;
    }

    /** Equal when they denote the same position: {@code 00FF} and {@code FF} are one sequencer. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Sequencer sequencer && compareTo(sequencer) == 0;
    }

    @Override
    public int hashCode() {
        return padded().hashCode();
    }

    @Override
    public String toString() {
        return hex;
    }
}
