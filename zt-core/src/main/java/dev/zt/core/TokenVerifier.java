package dev.zt.core;

import dev.zt.core.internal.cache.VerifiedTokenCache;
import dev.zt.core.internal.verification.JoseTokenVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a bearer token and returns the {@link Actor} it proves, or throws
 * {@link TokenRejectedException} carrying the {@link RejectionReason}. Thread-safe.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder(policy, Jwks.fromUri(jwksUri).build()).build();
 * Actor actor = verifier.verify(token);
 * }</pre>
 *
 * Several issuers at once, each judged only by its own policy and keys (exact {@code iss} match;
 * an unknown issuer is refused without any key lookup):
 * {@code TokenVerifier.builder(keycloakPolicy, keycloakKeys).trust(ciPolicy, ciKeys).build()}.
 */
public interface TokenVerifier {

    /**
     * @throws TokenRejectedException for any token that is not accepted; never another exception
     *                                for bad input
     */
    Actor verify(String token);

    /** The issuers this verifier trusts. */
    Set<String> issuers();

    static Builder builder(TokenPolicy policy, KeySource keys) {
        return new Builder(policy, keys);
    }

    /** Builds a {@link TokenVerifier} (jose4j underneath). */
    final class Builder {
        /** Default bound of the verified-token cache, in entries (each well under 2 KiB). */
        public static final long DEFAULT_CACHE_ENTRIES = 10_000;

        private final List<JoseTokenVerifier.IssuerTrust> trusts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private long cacheEntries = DEFAULT_CACHE_ENTRIES;

        private Builder(TokenPolicy policy, KeySource keys) {
            trust(policy, keys);
        }

        /** Trusts one more issuer, with its own policy and keys. An issuer may be trusted only once. */
        public Builder trust(TokenPolicy policy, KeySource keys) {
            trusts.add(new JoseTokenVerifier.IssuerTrust(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(keys, "keys")));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Bound of the verified-token cache in entries; 0 turns the cache off. Default 10,000. */
        public Builder cacheEntries(long entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("zt.cache.max-entries must be 0 (off) or positive");
            }
            this.cacheEntries = entries;
            return this;
        }

        public TokenVerifier build() {
            VerifiedTokenCache cache = cacheEntries == 0 ? null : new VerifiedTokenCache(cacheEntries, clock);
            return new JoseTokenVerifier(trusts, clock, cache);
        }
    }
}
