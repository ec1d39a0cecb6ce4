package com.example.serverless.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Signing keys kept in one Secrets Manager secret, a random string of 32+ characters per version: AWSCURRENT signs,
 * AWSCURRENT and AWSPREVIOUS verify. Rotating is putting a new value ({@code PutSecretValue}): Secrets Manager makes it
 * AWSCURRENT and the value before it AWSPREVIOUS, so tokens issued before the rotation keep verifying until the next
 * one. A key's id is derived from its version id, so it is the same in every function that reads the secret.
 */
public final class SecretsManagerKeys {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretsManagerClient secretsManager;
    private final String secretId;

    public SecretsManagerKeys(SecretsManagerClient secretsManager, String secretId) {
        this.secretsManager = secretsManager;
        this.secretId = secretId;
    }

    /**
     * Keys of this secret, read through a Secrets Manager client of the function's environment (region, credentials
     * and, where set, AWS_ENDPOINT_URL / aws.endpointUrl, as every SDK client reads them), and refreshed every
     * {@code maxAge}: a rotation reaches warm environments within that time.
     */
    public static CachedKeyRing cached(String secretId, Duration maxAge) {
        SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(3)).apiCallAttemptTimeout(Duration.ofSeconds(1)))
                .build();
        return new CachedKeyRing(new SecretsManagerKeys(client, secretId)::load, maxAge, java.time.Clock.systemUTC());
    }

    /**
     * A value for a new version of a key secret: 32 random bytes, hex-encoded. What a rotation puts
     * ({@code aws secretsmanager put-secret-value --secret-string "$(openssl rand -hex 32)"} does the same).
     */
    public static String newKeyValue() {
        byte[] key = new byte[SigningKey.MINIMUM_BYTES];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    public KeyRing load() {
        SigningKey current = key(secretsManager.getSecretValue(b -> b.secretId(secretId).versionStage(CURRENT)));
        Optional<SigningKey> previous = previous();
        return KeyRing.of(current, previous.filter(key -> !key.id().equals(current.id())).map(List::of).orElse(List.of()));
    }

    private Optional<SigningKey> previous() {
        try {
            return Optional.of(key(secretsManager.getSecretValue(b -> b.secretId(secretId).versionStage(PREVIOUS))));
        } catch (ResourceNotFoundException neverRotated) {
            return Optional.empty();
        }
    }

    static SigningKey key(GetSecretValueResponse version) {
        if (version.secretString() == null) {
            throw new IllegalStateException("Secret " + version.name() + " holds no string: expected a random key of 32+ characters");
        }
        return new SigningKey(idOf(version.versionId()), version.secretString().getBytes(StandardCharsets.UTF_8));
    }

    /** Eight hex digits of the version id's SHA-256: short in every token, the same in every reader. */
    static String idOf(String versionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(versionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
