package dev.zt.core.testing;

import dev.zt.core.KeySource;
import dev.zt.core.VerificationKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A key source test double whose key list the test changes directly (rotation without HTTP). */
public final class FixedKeySource implements KeySource {

    private final List<VerificationKey> keys = new CopyOnWriteArrayList<>();

    public FixedKeySource(VerificationKey... keys) {
        this.keys.addAll(List.of(keys));
    }

    public static FixedKeySource of(TestKeys.TestKey... testKeys) {
        FixedKeySource source = new FixedKeySource();
        for (TestKeys.TestKey key : testKeys) {
            source.keys.add(key.verificationKey());
        }
        return source;
    }

    public void remove(String kid) {
        keys.removeIf(k -> kid.equals(k.keyId()));
    }

    public void add(VerificationKey key) {
        keys.add(key);
    }

    @Override
    public List<VerificationKey> keysFor(String kid, String algorithm) {
        return keys.stream()
                .filter(k -> kid == null || kid.equals(k.keyId()))
                .filter(k -> k.allows(algorithm))
                .toList();
    }

    @Override
    public boolean isTrusted(VerificationKey key) {
        return Set.copyOf(keys).contains(key);
    }
}
