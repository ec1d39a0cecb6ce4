package com.example.serverless.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The key that signs new tokens, and every key whose tokens are still accepted (the signing one included). */
public record KeyRing(SigningKey current, Map<String, SigningKey> accepted) {

    public KeyRing {
        if (current == null) {
            throw new IllegalArgumentException("A key ring needs a current key");
        }
        Map<String, SigningKey> all = new LinkedHashMap<>(accepted);
        if (all.containsKey(current.id()) && !all.get(current.id()).equals(current)) {
            throw new IllegalArgumentException("Two keys share the id " + current.id());
        }
        all.put(current.id(), current);
        accepted = Map.copyOf(all);
    }

    /** The current key, and the older ones that still verify. */
    public static KeyRing of(SigningKey current, List<SigningKey> older) {
        Map<String, SigningKey> accepted = new LinkedHashMap<>();
        older.forEach(key -> accepted.put(key.id(), key));
        return new KeyRing(current, accepted);
    }

    public Optional<SigningKey> key(String id) {
        return Optional.ofNullable(accepted.get(id));
    }
}
