package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import java.time.Instant;
import java.util.Map;

/** Typed, fail-closed reads of a verified claim set. A claim of the wrong JSON type is a rejection, never a default. */
final class Claims {

    private static final long MAX_NUMERIC_DATE = 253402300799L; // 9999-12-31T23:59:59Z

    private final Map<String, Object> values;

    Claims(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    Object raw(String name) {
        return values.get(name);
    }

    /** A string claim, or null when absent; any other JSON type is a rejection with {@code reason}. */
    String optionalString(String name, RejectionReason reason) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new TokenRejectedException(reason, name + " is not a string");
    }

    String requiredString(String name) {
        String value = optionalString(name, RejectionReason.BAD_CLAIM);
        if (value == null || value.isBlank()) {
            throw new TokenRejectedException(RejectionReason.MISSING_CLAIM, name);
        }
        return value;
    }

    /** RFC 7519 NumericDate: a JSON number of seconds since the epoch; fractions are truncated. */
    Instant numericDate(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        long seconds;
        if (value instanceof Long || value instanceof Integer) {
            seconds = ((Number) value).longValue();
        } else if (value instanceof Double d && Double.isFinite(d)) {
            seconds = (long) Math.floor(d);
        } else {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM, name + " is not a NumericDate");
        }
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new TokenRejectedException(RejectionReason.BAD_CLAIM, name + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }
}
