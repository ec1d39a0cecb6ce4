package com.example.serverless.blogapi.domain;

/** A genuine confirmation link that cannot confirm any more: followed already, or superseded by a newer request. */
public class LinkUsedException extends RuntimeException {

    public LinkUsedException() {
        super("This link was used already, or a newer confirmation email replaced it");
    }
}
