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
 * A JWKS fetched over HTTP(S): fetched lazily on the first {@link #keysFor}, then kept fresh on demand.
 *
 * <ul>
 *   <li>A key set is <em>fresh</em> for its Cache-Control lifetime (clamped), then <em>stale</em>; a
 *       stale set stays usable for {@code maxStaleness} while refreshes fail, then nothing is usable
 *       and {@link #keysFor} fails closed with {@link RejectionReason#KEYS_UNAVAILABLE}.</li>
 *   <li>Who waits for a fetch: a caller with no usable set (never fetched, or retention ended) and
 *       a caller whose {@code kid} is unknown. A stale but usable set answers at once while a
 *       refresh runs in the background ({@link #keysFor} and {@link #isTrusted} both start it), so an
 *       unreachable identity provider never stalls tokens signed with known keys.</li>
 *   <li>At most one fetch is ever in flight (callers that need one join it, bounded by the timeout),
 *       and a new fetch starts only if the previous attempt started at least
 *       {@code minRefreshInterval} ago (the very first attempt is always allowed). So attempts are at
 *       most {@code 1 + elapsed / minRefreshInterval}, whatever the traffic.</li>
 *   <li>A fetch that fails (network, status, content, size, no usable key) leaves the previous set in place.</li>
 *   <li>{@link #isTrusted} never waits: on a fresh set it is a volatile read and a hash lookup.</li>
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
    /** Written under {@link #lock}: the fetch in flight, null when none is. */
    private volatile CompletableFuture<Void> inFlight;
    /** Written under {@link #lock}: when the last fetch attempt started, null before the first. */
    private volatile Instant lastAttempt;
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
        Instant now = settings.clock().instant();
        boolean awaited = false;
        if (current == null || now.isAfter(current.unusableAfter())) {
            awaited = refreshIfAllowed();
        } else if (!now.isBefore(current.staleAt())) {
            refreshInBackground(now);
        }
        current = usable();
        if (kid != null && !awaited && !current.keys().hasKeyId(kid)) {
            refreshIfAllowed();
            current = usable();
        }
        return current.keys().keysFor(kid, algorithm);
    }

    /**
     * Never waits: when the set is stale it starts a refresh in the background (if the rate limit
     * allows and none is in flight), so a key the identity provider dropped stops being trusted
     * about one freshness period after it was dropped, even if every verification is a cache hit.
     */
    @Override
    public boolean isTrusted(VerificationKey key) {
        Snapshot current = snapshot;
        if (key == null || current == null) {
            return false;
        }
        Instant now = settings.clock().instant();
        if (!now.isBefore(current.staleAt())) {
            refreshInBackground(now);
        }
        return !now.isAfter(current.unusableAfter()) && current.keys().trusts(key);
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
        CompletableFuture<Void> fetch = joinOrStartFetch();
        if (fetch == null) {
            return false;
        }
        await(fetch);
        return true;
    }

    /** @return the fetch in flight (perhaps just started), or null when the rate limit allows no new one */
    private CompletableFuture<Void> joinOrStartFetch() {
        CompletableFuture<Void> started;
        lock.lock();
        try {
            if (inFlight != null) {
                return inFlight;
            }
            Instant now = settings.clock().instant();
            if (rateLimited(now)) {
                return null;
            }
            lastAttempt = now;
            started = new CompletableFuture<>();
            inFlight = started;
        } finally {
            lock.unlock();
        }
        fetcher.fetch().whenComplete((fetched, error) -> finish(started, fetched, error));
        return started;
    }

    /** Starts a fetch without waiting for it; cheap (no lock) while one is in flight or rate-limited. */
    private void refreshInBackground(Instant now) {
        if (inFlight == null && !rateLimited(now)) {
            joinOrStartFetch();
        }
    }

    /** A clock that stepped back behind the last attempt does not block refreshes until it catches up. */
    private boolean rateLimited(Instant now) {
        Instant last = lastAttempt;
        if (last == null || now.isBefore(last)) {
            return false;
        }
        return Duration.between(last, now).compareTo(settings.minRefreshInterval()) < 0;
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
