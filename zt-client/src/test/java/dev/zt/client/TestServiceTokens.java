package dev.zt.client;

import java.time.Instant;

/** Builds {@link ServiceToken}s for tests of other packages (its constructor is package-private). */
public final class TestServiceTokens {

    private TestServiceTokens() {
    }

    public static ServiceToken of(String value) {
        Instant far = Instant.parse("2100-01-01T00:00:00Z");
        return new ServiceToken(value, far, far);
    }
}
