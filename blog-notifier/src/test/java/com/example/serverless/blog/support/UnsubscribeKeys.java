package com.example.serverless.blog.support;

import com.example.serverless.blog.config.BlogConfig;
import com.example.serverless.signing.SecretsManagerKeys;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** Creates, at test start-up, the unsubscribe-key secret that infra/template.yaml declares (a random value). */
@ApplicationScoped
public class UnsubscribeKeys {

    void create(@Observes StartupEvent started, BlogConfig config) {
        try (SecretsManagerClient secretsManager = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            secretsManager.createSecret(secret -> secret.name(config.unsubscribeKeysSecret())
                    .secretString(SecretsManagerKeys.newKeyValue()));
        } catch (ResourceExistsException alreadyThere) {
            // A restarted test application finds the secret it created before.
        }
    }
}
