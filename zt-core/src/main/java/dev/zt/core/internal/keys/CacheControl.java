package dev.zt.core.internal.keys;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a fetched key set stays fresh: the response's {@code Cache-Control: max-age}, or the
 * minimum for {@code no-store}/{@code no-cache}, or the default when neither is usable; always
 * clamped to {@code [minCacheDuration, maxCacheDuration]}. {@code Expires} and {@code Age} are not read.
 */
final class CacheControl {

    private CacheControl() {
    }

    static Duration freshFor(HttpHeaders headers, HttpJwksSettings settings) {
        Duration chosen = settings.defaultCacheDuration();
        for (String header : headers.allValues("Cache-Control")) {
            for (String raw : header.split(",")) {
                String directive = raw.trim().toLowerCase(Locale.ROOT);
                if (directive.equals("no-store") || directive.equals("no-cache") || directive.startsWith("no-cache=")) {
                    return settings.minCacheDuration();
                }
                if (directive.startsWith("max-age=")) {
                    String value = directive.substring("max-age=".length()).replace("\"", "");
                    if (value.matches("\\d{1,12}")) {
                        chosen = Duration.ofSeconds(Long.parseLong(value));
                    }
                }
            }
        }
        return clamp(chosen, settings);
    }

    private static Duration clamp(Duration duration, HttpJwksSettings settings) {
        if (duration.compareTo(settings.minCacheDuration()) < 0) {
            return settings.minCacheDuration();
        }
        return duration.compareTo(settings.maxCacheDuration()) > 0 ? settings.maxCacheDuration() : duration;
    }
}
