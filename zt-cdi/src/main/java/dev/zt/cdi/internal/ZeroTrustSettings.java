package dev.zt.cdi.internal;

import dev.zt.cdi.GuardedPackage;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The extension's configuration, read once at deployment. Each key is a system property, else the
 * environment variable beside it:
 * <ul>
 *   <li>{@code zt.cdi.guarded-packages} / {@code ZT_CDI_GUARDED_PACKAGES}: comma separated packages
 *       whose beans (subpackages included) are guarded; default none. {@link GuardedPackage} on a
 *       {@code package-info} adds more.</li>
 *   <li>{@code zt.cdi.strict} / {@code ZT_CDI_STRICT}: {@code true} or {@code false} (default); true
 *       makes every guarded package strict.</li>
 * </ul>
 * A malformed value fails the deployment ({@code ZT-3103}) rather than silently meaning "off".
 */
public final class ZeroTrustSettings {

    public static final String GUARDED_PACKAGES = "zt.cdi.guarded-packages";
    public static final String STRICT = "zt.cdi.strict";

    private static final Pattern PACKAGE = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /** Where a class stands. */
    public enum Guard { NONE, GUARDED, STRICT }

    private final Set<String> configuredPackages;
    private final boolean strict;
    // caches filled during deployment, possibly from several threads
    private final Set<String> annotatedPackages = new ConcurrentSkipListSet<>();
    private final Map<String, Optional<GuardedPackage>> annotations = new ConcurrentHashMap<>();

    ZeroTrustSettings(Set<String> configuredPackages, boolean strict) {
        this.configuredPackages = Set.copyOf(configuredPackages);
        this.strict = strict;
    }

    /** Reads system properties, then the environment. */
    public static ZeroTrustSettings fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    /** Reads {@code properties} first, then {@code environment} (which uses the upper-case names). */
    public static ZeroTrustSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String packages = value(properties, environment, GUARDED_PACKAGES);
        String strict = value(properties, environment, STRICT);
        Set<String> guarded = new LinkedHashSet<>();
        if (packages != null) {
            for (String p : packages.split(",")) {
                String name = p.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!PACKAGE.matcher(name).matches()) {
                    throw new IllegalArgumentException("ZT-3103 " + GUARDED_PACKAGES + " names '" + name
                            + "', which is not a Java package name (expected e.g. com.acme.orders,com.acme.billing)");
                }
                guarded.add(name);
            }
        }
        return new ZeroTrustSettings(guarded, parseBoolean(strict));
    }

    /** Whether {@code type} lies in a guarded package, and whether strict mode applies to it. */
    public Guard guardOf(Class<?> type) {
        String pkg = type.getPackageName();
        Optional<GuardedPackage> annotation = annotationCovering(pkg, type.getClassLoader());
        boolean configured = configuredPackages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
        if (!configured && annotation.isEmpty()) {
            return Guard.NONE;
        }
        return strict || annotation.map(GuardedPackage::strict).orElse(false) ? Guard.STRICT : Guard.GUARDED;
    }

    /** The configured packages and those found annotated so far. */
    public Set<String> guardedPackages() {
        Set<String> all = new TreeSet<>(configuredPackages);
        all.addAll(annotatedPackages);
        return all;
    }

    public boolean strict() {
        return strict;
    }

    private Optional<GuardedPackage> annotationCovering(String pkg, ClassLoader loader) {
        for (String p = pkg; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Optional<GuardedPackage> found = annotations.computeIfAbsent(p, name -> read(name, loader));
            if (found.isPresent()) {
                annotatedPackages.add(p);
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<GuardedPackage> read(String pkg, ClassLoader loader) {
        try {
            Class<?> info = Class.forName(pkg + ".package-info", false, loader);
            return Optional.ofNullable(info.getAnnotation(GuardedPackage.class));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String value(UnaryOperator<String> properties, UnaryOperator<String> environment, String key) {
        String value = properties.apply(key);
        if (value == null) {
            value = environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean parseBoolean(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("ZT-3103 " + STRICT + " is '" + value + "': use true or false");
        };
    }

    @Override
    public String toString() {
        return "ZeroTrustSettings[packages=" + configuredPackages + ", strict=" + strict + "]";
    }
}
