package com.example.serverless.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.MiniStack;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Rotation as an operator does it (PutSecretValue) against the local cloud's Secrets Manager. */
class SecretsManagerKeysIT {

    private static final byte[] PAYLOAD = "subscriber-7".getBytes(StandardCharsets.UTF_8);
    private final LocalCloud cloud = new LocalCloud(MiniStack.shared(), MiniStack.shared().newAccount());
    private SecretsManagerClient secretsManager;
    private String secretId;

    @BeforeEach
    void createSecret() {
        secretsManager = cloud.client(SecretsManagerClient.builder());
        secretId = secretsManager.createSecret(b -> b.name("signing-" + UUID.randomUUID()).secretString(SecretsManagerKeys.newKeyValue())).arn();
    }

    @Test
    void aNeverRotatedSecretGivesOneKeyThatSignsAndVerifies() {
        KeyRing ring = new SecretsManagerKeys(secretsManager, secretId).load();

        assertEquals(1, ring.accepted().size());
        TokenSigner signer = new TokenSigner(() -> ring);
        assertArrayEquals(PAYLOAD, signer.verify("unsubscribe", signer.sign("unsubscribe", PAYLOAD)));
    }

    @Test
    void aRotationKeepsTokensOfThePreviousKeyValidUntilTheNextRotation() {
        SecretsManagerKeys keys = new SecretsManagerKeys(secretsManager, secretId);
        KeyRing before = keys.load();
        String issuedBefore = new TokenSigner(() -> before).sign("unsubscribe", PAYLOAD);

        secretsManager.putSecretValue(b -> b.secretId(secretId).secretString(SecretsManagerKeys.newKeyValue()));
        KeyRing afterOne = keys.load();

        assertNotEquals(before.current().id(), afterOne.current().id());
        assertEquals(2, afterOne.accepted().size());
        assertArrayEquals(PAYLOAD, new TokenSigner(() -> afterOne).verify("unsubscribe", issuedBefore));

        secretsManager.putSecretValue(b -> b.secretId(secretId).secretString(SecretsManagerKeys.newKeyValue()));
        KeyRing afterTwo = keys.load();
        assertEquals(InvalidTokenException.Reason.UNKNOWN_KEY, assertThrows(InvalidTokenException.class,
                () -> new TokenSigner(() -> afterTwo).verify("unsubscribe", issuedBefore)).reason());
    }

    @Test
    void aKeyIdIsTheSameForEveryReaderOfTheSecret() {
        assertEquals(new SecretsManagerKeys(secretsManager, secretId).load().current().id(),
                new SecretsManagerKeys(cloud.client(SecretsManagerClient.builder()), secretId).load().current().id());
    }
}
