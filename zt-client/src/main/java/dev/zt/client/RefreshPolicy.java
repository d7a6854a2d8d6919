package dev.zt.client;

import java.time.Duration;

/**
 * How long before expiry a token stops being handed out: the larger of a fixed margin and a ratio
 * of the token's lifetime (defaults: 30 s and 10 %, so a 5-minute token is refreshed 30 s early and
 * a 1-hour token 6 minutes early).
 */
record RefreshPolicy(Duration minimumMargin, double ratio) {

    RefreshPolicy {
        if (minimumMargin.isNegative()) {
            throw new IllegalArgumentException("ZT-7105 the refresh margin must not be negative");
        }
        if (!(ratio >= 0 && ratio <= 0.5)) {
            throw new IllegalArgumentException("ZT-7105 the refresh ratio must be between 0 and 0.5, got " + ratio);
        }
    }

    Duration marginFor(Duration lifetime) {
        Duration proportional = Duration.ofMillis((long) (lifetime.toMillis() * ratio));
        return proportional.compareTo(minimumMargin) > 0 ? proportional : minimumMargin;
    }
}
