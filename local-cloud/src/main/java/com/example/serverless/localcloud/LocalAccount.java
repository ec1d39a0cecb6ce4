package com.example.serverless.localcloud;

import java.util.Objects;

/** An account of the local cloud and its root's static credentials (the root's requests skip IAM evaluation). */
public record LocalAccount(String id, String accessKeyId, String secretAccessKey) {

    public LocalAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (!id.matches("\\d{12}")) {
            throw new IllegalArgumentException("An account id has 12 digits: " + id);
        }
    }
}
