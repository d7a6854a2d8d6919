package dev.zt.filter.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Path patterns matched against a {@link CanonicalPath}: an exact path ({@code /health}) or a prefix
 * ({@code /public/*}, which matches {@code /public} and everything below it, but not
 * {@code /publicity}). Case-sensitive.
 */
public final class PathRules<T> {

    /** One pattern and what it maps to. */
    public record Rule<T>(String pattern, T value) {
        boolean matches(String path) {
            if (pattern.endsWith("/*")) {
                String base = pattern.substring(0, pattern.length() - 2);
                return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
            }
            return path.equals(pattern);
        }
    }

    private final List<Rule<T>> rules;

    public PathRules(List<Rule<T>> rules) {
        for (Rule<T> rule : rules) {
            checkPattern(rule.pattern());
        }
        this.rules = List.copyOf(rules);
    }

    /** Every value whose pattern matches; a null path (no canonical form) matches nothing. */
    public List<T> matching(String canonicalPath) {
        if (canonicalPath == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (Rule<T> rule : rules) {
            if (rule.matches(canonicalPath)) {
                values.add(rule.value());
            }
        }
        return values;
    }

    public boolean anyMatches(String canonicalPath) {
        return !matching(canonicalPath).isEmpty();
    }

    public List<Rule<T>> rules() {
        return rules;
    }

    public static void checkPattern(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' must start with '/'");
        }
        String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (base.contains("*")) {
            throw new IllegalArgumentException("path pattern '" + pattern + "': '*' is allowed only as a final '/*'");
        }
        if (!base.isEmpty() && !base.equals(CanonicalPath.of(base, ""))) {
            throw new IllegalArgumentException("path pattern '" + pattern + "' is not canonical (no '//', '.', '..', ';', '%', trailing '/')");
        }
    }
}
