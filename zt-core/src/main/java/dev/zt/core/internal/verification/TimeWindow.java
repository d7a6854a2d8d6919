package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import java.time.Duration;
import java.time.Instant;

/** The "for how long" checks: exp, nbf, iat against now (with the policy's skew) and the lifetime limit. */
final class TimeWindow {

    private TimeWindow() {
    }

    static void check(Instant issuedAt, Instant expiresAt, Instant notBefore, Instant now, TokenPolicy policy) {
        Duration skew = policy.clockSkew();
        if (!expiresAt.isAfter(issuedAt)) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM, "exp is not after iat");
        }
        if (!now.isBefore(expiresAt.plus(skew))) {
            throw new TokenRejectedException(RejectionReason.EXPIRED);
        }
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw new TokenRejectedException(RejectionReason.NOT_YET_VALID);
        }
        if (issuedAt.isAfter(now.plus(skew))) {
            throw new TokenRejectedException(RejectionReason.ISSUED_IN_FUTURE);
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(policy.maxTokenLifetime()) > 0) {
            throw new TokenRejectedException(RejectionReason.LIFETIME_TOO_LONG,
                    "exp - iat = " + Duration.between(issuedAt, expiresAt).toSeconds() + " s > " + policy.maxTokenLifetime().toSeconds() + " s");
        }
    }
}
