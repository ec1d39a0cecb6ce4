package com.example.serverless.thumbnail.domain;

/** Why an object can never become a thumbnail, however often it is retried. */
public enum RejectionReason {
    /** No decoder recognises the bytes (a PDF named .jpg, an unsupported format). */
    NOT_AN_IMAGE,
    /** A decoder recognised the format but the data is truncated or malformed. */
    CORRUPT,
    /** The header declares more pixels than the configured maximum (a decompression bomb or a huge scan). */
    TOO_MANY_PIXELS,
    /** The object is larger than the configured maximum number of bytes. */
    TOO_MANY_BYTES
}
