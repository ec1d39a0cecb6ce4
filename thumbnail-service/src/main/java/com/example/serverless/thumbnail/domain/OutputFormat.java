package com.example.serverless.thumbnail.domain;

/** What thumbnails are encoded as. JPEG has no alpha channel: transparent areas are put on white. */
public enum OutputFormat {
    JPEG("jpeg", "jpg", "image/jpeg", false),
    PNG("png", "png", "image/png", true);

    private final String imageIoName;
    private final String extension;
    private final String contentType;
    private final boolean keepsAlpha;

    OutputFormat(String imageIoName, String extension, String contentType, boolean keepsAlpha) {
        this.imageIoName = imageIoName;
        this.extension = extension;
        this.contentType = contentType;
        this.keepsAlpha = keepsAlpha;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean keepsAlpha() {
        return keepsAlpha;
    }
}
