package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Quarkiverse amazon-services clients on the class path ({@code quarkus-amazon-<client>}) and their settings. */
final class QuarkusClients {

    private static final Pattern CLIENT_EXTENSION = Pattern.compile("^io\\.quarkiverse\\.amazonservices:quarkus-amazon-([a-z0-9]+)-deployment:");
    private static final Set<String> NOT_CLIENTS = Set.of("common");

    private QuarkusClients() {
    }

    /** Endpoint, region and the account's static credentials for every Quarkiverse client on the class path. */
    static Map<String, String> config(String endpoint, String region, LocalAccount account) {
        Map<String, String> config = new HashMap<>();
        for (String client : clientsOnClassPath()) {
            String prefix = "quarkus." + client + ".";
            config.put(prefix + "endpoint-override", endpoint);
            config.put(prefix + "aws.region", region);
            config.put(prefix + "aws.credentials.type", "static");
            config.put(prefix + "aws.credentials.static-provider.access-key-id", account.accessKeyId());
            config.put(prefix + "aws.credentials.static-provider.secret-access-key", account.secretAccessKey());
        }
        if (config.containsKey("quarkus.s3.endpoint-override")) {
            // An endpoint given by address serves buckets by path.
            config.put("quarkus.s3.path-style-access", "true");
        }
        return config;
    }

    /** The config names of the Quarkiverse amazon-services clients whose extensions are on the class path. */
    static Set<String> clientsOnClassPath() {
        Set<String> clients = new TreeSet<>();
        try {
            for (URL descriptor : Collections.list(Thread.currentThread().getContextClassLoader()
                    .getResources("META-INF/quarkus-extension.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = descriptor.openStream()) {
                    properties.load(in);
                }
                Matcher artifact = CLIENT_EXTENSION.matcher(properties.getProperty("deployment-artifact", ""));
                if (artifact.find() && !NOT_CLIENTS.contains(artifact.group(1))) {
                    clients.add(artifact.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the Quarkus extensions on the class path", e);
        }
        return clients;
    }
}
