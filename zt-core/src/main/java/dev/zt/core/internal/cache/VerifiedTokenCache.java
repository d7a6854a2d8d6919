package dev.zt.core.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.zt.core.Actor;
import dev.zt.core.KeySource;
import dev.zt.core.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens already verified, so that a token is not verified again until it expires. Bounded in
 * entries; keyed by {@link TokenDigest}. An entry is used only while the clock is before the token's
 * {@code exp} and while its key is still trusted by the key source: it never outlives either.
 */
public final class VerifiedTokenCache {

    private record Entry(Actor actor, VerificationKey key, KeySource keys) {
    }

    private final Cache<TokenDigest, Entry> entries;
    private final Clock clock;

    public VerifiedTokenCache(long maximumEntries, Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .executor(Runnable::run) // no common-pool threads inside an application server
                .expireAfter(new Expiry<TokenDigest, Entry>() {
                    @Override
                    public long expireAfterCreate(TokenDigest key, Entry value, long currentTime) {
                        long nanos = Duration.between(clock.instant(), value.actor().expiresAt()).toNanos();
                        return Math.max(0, nanos);
                    }

                    @Override
                    public long expireAfterUpdate(TokenDigest key, Entry value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(TokenDigest key, Entry value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The actor of an earlier verification of this exact token, if it is still valid now; else null. */
    public Actor get(TokenDigest digest) {
        Entry entry = entries.getIfPresent(digest);
        if (entry == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.actor().expiresAt()) || !entry.keys().isTrusted(entry.key())) {
            entries.invalidate(digest);
            return null;
        }
        return entry.actor();
    }

    /** @param keys the key source that trusted {@code key}: asked on every hit whether it still does */
    public void put(TokenDigest digest, Actor actor, VerificationKey key, KeySource keys) {
        entries.put(digest, new Entry(actor, key, keys));
    }

    public long estimatedSize() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
