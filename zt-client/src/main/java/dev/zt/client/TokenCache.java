package dev.zt.client;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tokens per {@link CacheKey}, bounded in size, each until its refresh instant (by the injected
 * clock). Single flight: the in-flight fetch is the cache entry, so concurrent callers for one key
 * wait for the same request. A failed fetch is shared by the callers that waited for it, then
 * dropped: the next caller tries again. A token is checked once more when handed out, so none
 * whose remaining lifetime is within the margin ever leaves.
 */
final class TokenCache {

    /** A fetch's result; failures are values here so the cache library does not log them as errors. */
    private record Outcome(ServiceToken token, ServiceTokenException failure) {
    }

    private final AsyncCache<CacheKey, Outcome> cache;
    private final Clock clock;

    TokenCache(Clock clock, long maxEntries) {
        this.clock = clock;
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(Expiry.creating((CacheKey key, Outcome outcome) -> untilRefresh(outcome)))
                .buildAsync();
    }

    /**
     * @param callerFailure told of a failure that is this caller's own (interrupted while waiting, or
     *                      every fresh token already within the margin), not the shared fetch's
     */
    ServiceToken get(CacheKey key, Function<CacheKey, CompletableFuture<ServiceToken>> fetch,
            Consumer<ServiceTokenException> callerFailure) {
        for (int attempt = 0; attempt < 2; attempt++) {
            CompletableFuture<Outcome> entry = cache.get(key, (k, executor) -> fetch.apply(k).handle(
                    (token, failure) -> failure == null ? new Outcome(token, null)
                            : new Outcome(null, Failures.asServiceTokenException(failure))));
            Outcome outcome = await(entry, callerFailure);
            if (outcome.failure() != null) {
                cache.asMap().remove(key, entry);
                throw outcome.failure().rethrownHere();
            }
            if (outcome.token().usableAt(clock.instant())) {
                return outcome.token();
            }
            cache.asMap().remove(key, entry);
        }
        ServiceTokenException tooShort = new ServiceTokenException(ServiceTokenException.Reason.LIFETIME_TOO_SHORT,
                "a freshly obtained token was already within the refresh margin");
        callerFailure.accept(tooShort);
        throw tooShort;
    }

    private Duration untilRefresh(Outcome outcome) {
        if (outcome.failure() != null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), outcome.token().refreshAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Outcome await(CompletableFuture<Outcome> entry, Consumer<ServiceTokenException> callerFailure) {
        try {
            return entry.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ServiceTokenException interrupted = new ServiceTokenException(ServiceTokenException.Reason.INTERRUPTED, null);
            callerFailure.accept(interrupted);
            throw interrupted;
        } catch (ExecutionException e) {
            throw Failures.asServiceTokenException(e.getCause()).rethrownHere();
        }
    }
}
