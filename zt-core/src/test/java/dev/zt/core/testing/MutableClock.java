package dev.zt.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, shared by every module's tests (zt-core's test-jar): expiry, skew,
 * cache lifetimes, key rotation and rate limits are tested without sleeping. Thread-safe.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Starts at an ISO-8601 instant, e.g. {@code 2026-12-03T12:00:00Z}. */
    public static MutableClock startingAt(String instant) {
        return new MutableClock(Instant.parse(instant));
    }

    /** Starts at the current second of the system clock (for tests that also talk to real servers). */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
