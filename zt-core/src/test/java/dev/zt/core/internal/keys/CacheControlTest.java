package dev.zt.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheControlTest {

    private static final HttpJwksSettings SETTINGS = new HttpJwksSettings(URI.create("https://idp.example/jwks"),
            Clock.systemUTC(), null, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(5), 1024, false);

    @ParameterizedTest(name = "[{0}] -> {1} s")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "max-age=60 | 60",
        "public, max-age=120 | 120",
        "max-age=\"90\" | 90",
        "MAX-AGE=45 | 45",
        "max-age=5 | 30",
        "max-age=0 | 30",
        "max-age=999999999 | 3600",
        "no-store | 30",
        "no-cache | 30",
        "max-age=600, no-cache | 30",
        "max-age=abc | 300",
        "max-age=-5 | 300",
        "private | 300",
        "NONE | 300"})
    void freshForWhenCacheControlThenHonouredWithinTheClamps(String header, long expectedSeconds) {
        Map<String, List<String>> values = header == null ? Map.of() : Map.of("Cache-Control", List.of(header));

        Duration fresh = CacheControl.freshFor(HttpHeaders.of(values, (name, value) -> true), SETTINGS);

        assertThat(fresh).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }
}
