package dev.zt.filter.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Typed reads of configuration values; every failure names the key. */
public final class Settings {

    private static final String ROOT = "zt.";

    private final Function<String, String> lookup;
    private final String prefix;

    public Settings(Function<String, String> lookup) {
        this(lookup, ROOT);
    }

    private Settings(Function<String, String> lookup, String prefix) {
        this.lookup = lookup;
        this.prefix = prefix;
    }

    /**
     * The same keys under {@code zt.issuers.<name>.}: {@code zt.jwks-uri} read through this view is
     * {@code zt.issuers.<name>.jwks-uri} (environment {@code ZT_ISSUERS_<NAME>_JWKS_URI}).
     */
    public Settings forIssuer(String name) {
        return new Settings(lookup, ROOT + "issuers." + name + ".");
    }

    /** The key as it is really named in this view, for lookups and error messages. */
    public String name(String key) {
        return prefix + key.substring(ROOT.length());
    }

    public String optional(String key) {
        String value = lookup.apply(name(key));
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw new ConfigurationException(name(key), "is mandatory and not set");
        }
        return value;
    }

    public List<String> list(String key) {
        String value = optional(key);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Duration duration(String key) {
        String value = optional(key);
        return value == null ? null : parseDuration(name(key), value);
    }

    public Long number(String key) {
        String value = optional(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name(key), "must be a whole number, was '" + value + "'");
        }
    }

    public boolean flag(String key) {
        String value = optional(key);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(name(key), "must be true or false, was '" + value + "'");
        };
    }

    /** {@code 30}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}. */
    static Duration parseDuration(String key, String value) {
        try {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            char unit = v.charAt(v.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ConfigurationException(key, "must be a duration like 30s, 5m, 1h or PT30S, was '" + value + "'");
        }
    }
}
