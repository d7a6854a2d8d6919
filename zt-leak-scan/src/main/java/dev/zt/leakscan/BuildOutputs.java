package dev.zt.leakscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a build left to scan, per module (a directory with a {@code pom.xml} and a {@code target/},
 * named by its path from the repository root, e.g. {@code zt-core} or {@code example-app/e2e}):
 * <ul>
 *   <li>the token registries, {@code target/zt-minted-tokens/*.txt};</li>
 *   <li>the captured output: every file in a {@code target/*-reports*} directory (surefire and
 *       failsafe: {@code *-output.txt}, the XML and text reports, dump streams), and every
 *       {@code *.log} anywhere under {@code target/} (the WildFly, Keycloak and launcher logs);</li>
 *   <li>how many tests ran (not skipped), from the {@code TEST-*.xml} reports.</li>
 * </ul>
 */
public final class BuildOutputs {

    private static final int MODULE_DEPTH = 3;
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern TESTS = Pattern.compile("\\btests=\"(\\d+)\"");
    private static final Pattern SKIPPED = Pattern.compile("\\bskipped=\"(\\d+)\"");

    private final Path root;
    private final Map<String, List<Path>> registries = new TreeMap<>();
    private final Map<String, List<Path>> outputs = new TreeMap<>();
    private final Map<String, Map<String, Integer>> testsRun = new TreeMap<>();

    private BuildOutputs(Path root) {
        this.root = root;
    }

    /** Everything under {@code root}'s modules, except the modules in {@code excluded} (e.g. this one). */
    public static BuildOutputs discover(Path root, List<String> excluded) throws IOException {
        BuildOutputs found = new BuildOutputs(root);
        try (Stream<Path> dirs = Files.walk(root, MODULE_DEPTH)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String module = root.relativize(dir).toString().replace('\\', '/');
                if (module.isEmpty() || isInsideBuildOutput(root.relativize(dir)) || excluded.contains(module)
                        || !Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isDirectory(dir.resolve("target"))) {
                    continue;
                }
                found.collect(module, dir.resolve("target"));
            }
        }
        return found;
    }

    private static boolean isInsideBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("src") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void collect(String module, Path target) throws IOException {
        Path registryDir = target.resolve("zt-minted-tokens");
        List<Path> registry = new ArrayList<>();
        if (Files.isDirectory(registryDir)) {
            try (Stream<Path> files = Files.list(registryDir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(registry::add);
            }
        }
        List<Path> captured = new ArrayList<>();
        Map<String, Integer> run = new TreeMap<>();
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.startsWith(registryDir)) {
                    continue;
                }
                String name = file.getFileName().toString();
                // surefire-reports, failsafe-reports, failsafe-reports-wildfly (e2e's second failsafe run)
                boolean inReports = file.getParent().getFileName().toString().contains("-reports");
                if (inReports || name.endsWith(".log")) {
                    captured.add(file);
                }
                if (inReports && name.startsWith("TEST-") && name.endsWith(".xml")) {
                    run.merge(file.getParent().getFileName().toString(), testsRun(file), Integer::sum);
                }
            }
        }
        registries.put(module, registry);
        outputs.put(module, captured);
        testsRun.put(module, run);
    }

    private static int testsRun(Path report) throws IOException {
        String head;
        try (var in = Files.newBufferedReader(report, StandardCharsets.ISO_8859_1)) {
            char[] buffer = new char[8192];
            int n = in.read(buffer);
            head = n < 0 ? "" : new String(buffer, 0, n);
        }
        Matcher suite = SUITE.matcher(head);
        if (!suite.find()) {
            return 0;
        }
        return count(TESTS, suite.group()) - count(SKIPPED, suite.group());
    }

    private static int count(Pattern attribute, String element) {
        Matcher m = attribute.matcher(element);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public Path root() {
        return root;
    }

    /** Every registered token, mapped to the first module (in path order) that registered it. */
    public Map<String, String> registeredTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        registries.forEach((module, files) -> files.forEach(file -> {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.map(String::strip).filter(l -> !l.isEmpty()).forEach(t -> tokens.putIfAbsent(t, module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return tokens;
    }

    /** Distinct tokens registered per module. */
    public Map<String, Long> registeredPerModule() {
        Map<String, Long> counts = new TreeMap<>();
        registries.forEach((module, files) -> {
            long count = files.stream().flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(l -> !l.isBlank()).distinct().count();
            counts.put(module, count);
        });
        return counts;
    }

    /** The captured output files per module. */
    public Map<String, List<Path>> outputs() {
        return outputs;
    }

    /**
     * Tests run and not skipped in {@code module}'s {@code target/<reportsDirectory>} (e.g.
     * {@code surefire-reports}, {@code failsafe-reports}), from its XML reports; 0 if none.
     */
    public int testsRun(String module, String reportsDirectory) {
        return testsRun.getOrDefault(module, Map.of()).getOrDefault(reportsDirectory, 0);
    }

    public List<Path> allOutputs() {
        return outputs.values().stream().flatMap(List::stream).toList();
    }

    /** How the scan names {@code file}: its path from the repository root. */
    public String name(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Fails unless there is something to scan: a registry holding a token and a captured output
     * file. Run alone on a clean tree this module would otherwise pass while proving nothing.
     */
    public void requireSomethingToScan() {
        boolean tokens = registries.values().stream().anyMatch(files -> !files.isEmpty());
        boolean output = outputs.values().stream().anyMatch(files -> !files.isEmpty());
        if (!tokens || !output) {
            throw new IllegalStateException("nothing to scan: run the whole build (mvn verify from " + root
                    + "); found " + (tokens ? "" : "no target/zt-minted-tokens/*.txt")
                    + (!tokens && !output ? " and " : "") + (output ? "" : "no captured test output")
                    + " in any module");
        }
    }
}
