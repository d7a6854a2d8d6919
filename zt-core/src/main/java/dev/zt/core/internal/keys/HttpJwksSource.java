package dev.zt.core.internal.keys;

import dev.zt.core.KeySource;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.VerificationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JWKS fetched over HTTP(S), fetched lazily on the first {@link #keysFor} and kept fresh on demand.
 *
 * <ul>
 *   <li>A key set is <em>fresh</em> for its Cache-Control lifetime (clamped), then <em>stale</em>; a
 *       stale set stays usable for {@code maxStaleness} while refreshes fail, then nothing is usable
 *       and {@link #keysFor} fails closed with {@link RejectionReason#KEYS_UNAVAILABLE}.</li>
 *   <li>A fetch is attempted when the set is missing or stale, or when a {@code kid} is unknown;
 *       but at most one fetch is ever in flight (callers that need one join it, bounded by the
 *       timeout), and a new fetch starts only if the previous attempt started at least
 *       {@code minRefreshInterval} ago (the very first attempt is always allowed). So attempts
 *       are at most {@code 1 + elapsed / minRefreshInterval}, whatever the traffic.</li>
 *   <li>A fetch that fails (network, status, content, size, no usable key) leaves the previous set in place.</li>
 *   <li>{@link #isTrusted} never does I/O: it is one volatile read and one hash lookup.</li>
 * </ul>
 */
public final class HttpJwksSource implements KeySource {

    /** A usable key set and the instants it stops being fresh and stops being usable. */
    private record Snapshot(TrustedKeySet keys, Instant staleAt, Instant unusableAfter) {
    }

    private final HttpJwksSettings settings;
    private final JwksFetcher fetcher;
    private final String source;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** Guarded by {@link #lock}. */
    private CompletableFuture<Void> inFlight;
    /** Guarded by {@link #lock}: when the last fetch attempt started, null before the first. */
    private Instant lastAttempt;
    /** Guarded by {@link #lock}: the ignored JWKs last logged, so an unchanged JWKS is not re-logged. */
    private List<IgnoredKey> lastLoggedIgnored = List.of();

    public HttpJwksSource(HttpJwksSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fetcher = new JwksFetcher(settings);
        this.source = settings.uri().toString();
    }

    @Override
    public List<VerificationKey> keysFor(String kid, String algorithm) {
        Snapshot current = snapshot;
        boolean fetched = false;
        if (current == null || !settings.clock().instant().isBefore(current.staleAt())) {
            fetched = refreshIfAllowed();
        }
        current = usable();
        if (kid != null && !fetched && !current.keys().hasKeyId(kid) && refreshIfAllowed()) {
            current = usable();
        }
        return current.keys().keysFor(kid, algorithm);
    }

    @Override
    public boolean isTrusted(VerificationKey key) {
        Snapshot current = snapshot;
        return key != null && current != null
                && !settings.clock().instant().isAfter(current.unusableAfter())
                && current.keys().trusts(key);
    }

    private Snapshot usable() {
        Snapshot current = snapshot;
        if (current == null) {
            throw new TokenRejectedException(RejectionReason.KEYS_UNAVAILABLE,
                    "ZT-5030 no key set could be fetched yet from " + source);
        }
        if (settings.clock().instant().isAfter(current.unusableAfter())) {
            throw new TokenRejectedException(RejectionReason.KEYS_UNAVAILABLE, "ZT-5031 the key set of " + source
                    + " went stale and could not be refreshed within maxStaleness " + settings.maxStaleness());
        }
        return current;
    }

    /** Joins the fetch in flight, or starts one if the rate limit allows. @return whether a fetch was awaited */
    private boolean refreshIfAllowed() {
        CompletableFuture<Void> mine = null;
        CompletableFuture<Void> awaited;
        lock.lock();
        try {
            awaited = inFlight;
            if (awaited == null) {
                Instant now = settings.clock().instant();
                if (lastAttempt != null && Duration.between(lastAttempt, now).compareTo(settings.minRefreshInterval()) < 0) {
                    return false;
                }
                lastAttempt = now;
                mine = new CompletableFuture<>();
                inFlight = mine;
                awaited = mine;
            }
        } finally {
            lock.unlock();
        }
        if (mine != null) {
            CompletableFuture<Void> done = mine;
            fetcher.fetch().whenComplete((fetched, error) -> finish(done, fetched, error));
        }
        await(awaited);
        return true;
    }

    private void finish(CompletableFuture<Void> done, JwksFetcher.Fetched fetched, Throwable error) {
        lock.lock();
        try {
            if (error != null) {
                KeyLog.refreshFailed(source, describe(error));
            } else {
                install(fetched);
            }
            inFlight = null;
        } finally {
            lock.unlock();
            done.complete(null);
        }
    }

    private void install(JwksFetcher.Fetched fetched) {
        Instant now = settings.clock().instant();
        Instant staleAt = now.plus(fetched.freshFor());
        if (!fetched.keys().ignored().equals(lastLoggedIgnored)) {
            KeyLog.ignored(source, fetched.keys().ignored());
            lastLoggedIgnored = fetched.keys().ignored();
        }
        snapshot = new Snapshot(fetched.keys(), staleAt, staleAt.plus(settings.maxStaleness()));
        KeyLog.refreshed(source, fetched.keys().keys().size(), staleAt);
    }

    private void await(CompletableFuture<Void> fetch) {
        try {
            fetch.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the snapshot decides: a waiter never sees the fetch's exception
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "no complete response within the timeout";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
