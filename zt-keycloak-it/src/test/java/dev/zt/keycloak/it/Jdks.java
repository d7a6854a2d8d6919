package dev.zt.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run Keycloak (Java 21 or newer) without assuming a path. Looks, in this order,
 * at {@code -Dkeycloak.java.home}, {@code JAVA_HOME}, the JVM running the tests ({@code java.home}),
 * then every directory under {@code /usr/lib/jvm} (newest first). A JDK's version comes from its
 * {@code release} file, else from {@code bin/java -version}. When none qualifies, the failure names
 * every place looked at and the version found there: never a silent skip.
 */
final class Jdks {

    static final int MINIMUM_FEATURE = 21;
    static final Path DEFAULT_SCAN_DIRECTORY = Path.of("/usr/lib/jvm");

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

    private Jdks() {
    }

    /** The JDK home to run Keycloak with; {@link IllegalStateException} naming what was looked at when none fits. */
    static Path findJavaHome(String explicitHome, String javaHomeEnv, String runningJavaHome, Path scanDirectory) {
        List<String> report = new ArrayList<>();
        Map<String, Path> named = new LinkedHashMap<>();
        addNamed(named, report, "-Dkeycloak.java.home", explicitHome);
        addNamed(named, report, "JAVA_HOME", javaHomeEnv);
        addNamed(named, report, "java.home of the test JVM", runningJavaHome);
        // A JDK named explicitly (property, JAVA_HOME, the running JVM) wins, in that order.
        for (Map.Entry<String, Path> candidate : named.entrySet()) {
            int feature = featureVersion(candidate.getValue());
            report.add(candidate.getKey() + " = " + candidate.getValue() + " (" + describe(feature) + ")");
            if (feature >= MINIMUM_FEATURE) {
                return candidate.getValue();
            }
        }
        // Otherwise the newest JDK of the scan directory.
        List<Path> scanned = scan(scanDirectory);
        if (scanned.isEmpty()) {
            report.add(scanDirectory + "/* (no directories)");
        }
        Path best = null;
        int bestFeature = -1;
        for (Path home : scanned) {
            int feature = featureVersion(home);
            report.add(home + " (" + describe(feature) + ")");
            if (feature >= MINIMUM_FEATURE && feature > bestFeature) {
                best = home;
                bestFeature = feature;
            }
        }
        if (best == null) {
            throw new IllegalStateException("Keycloak needs a JDK " + MINIMUM_FEATURE + " or newer and none was found. Looked at: "
                    + String.join("; ", report) + ". Install a JDK " + MINIMUM_FEATURE + "+ or point -Dkeycloak.java.home (or JAVA_HOME) at one.");
        }
        return best;
    }

    private static String describe(int feature) {
        return feature < 0 ? "no usable bin/java" : "Java " + feature;
    }

    /** Finds a JDK from this JVM's own settings and the default scan directory. */
    static Path findJavaHome() {
        return findJavaHome(System.getProperty("keycloak.java.home"), System.getenv("JAVA_HOME"), System.getProperty("java.home"),
                DEFAULT_SCAN_DIRECTORY);
    }

    /** The feature version (17, 21, 25...) of the JDK at {@code home}, or -1 when it has no runnable {@code bin/java}. */
    static int featureVersion(Path home) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            return -1;
        }
        Path release = home.resolve("release");
        if (Files.isReadable(release)) {
            try {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find()) {
                    return feature(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                // fall back to asking the JVM itself
            }
        }
        return featureFromJavaVersion(home.resolve("bin/java"));
    }

    static int feature(String version) {
        String[] parts = version.split("[.+_-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    private static int featureFromJavaVersion(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            Matcher m = VERSION_OUTPUT.matcher(output);
            return m.find() ? feature(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void addNamed(Map<String, Path> candidates, List<String> lookedAt, String origin, String value) {
        if (value == null || value.isBlank()) {
            lookedAt.add(origin + " (unset)");
        } else {
            candidates.put(origin, Path.of(value));
        }
    }

    private static List<Path> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
