package com.example.serverless.infra.deploy;

import java.util.Map;
import java.util.TreeMap;

/** A deployed stack's Outputs, read by key. */
public record StackOutputs(String stackName, Map<String, String> values) {

    public StackOutputs {
        values = Map.copyOf(values);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Stack " + stackName + " has no output " + key + "; it has " + new TreeMap<>(values).keySet());
        }
        return value;
    }
}
