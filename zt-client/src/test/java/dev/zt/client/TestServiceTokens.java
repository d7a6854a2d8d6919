package dev.zt.client;

import dev.zt.core.testing.MintedTokens;
import java.time.Instant;

/**
 * Builds {@link ServiceToken}s for tests of other packages (its constructor is package-private).
 * Every value is registered with {@link MintedTokens}, so the build's output scan looks for it.
 */
public final class TestServiceTokens {

    private TestServiceTokens() {
    }

    public static ServiceToken of(String value) {
        Instant far = Instant.parse("2100-01-01T00:00:00Z");
        return new ServiceToken(MintedTokens.register(value), far, far);
    }
}
