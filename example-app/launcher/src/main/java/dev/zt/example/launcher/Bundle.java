package dev.zt.example.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The two WARs and the per-application server libraries that the build put under
 * {@code zt-example/} next to the launcher's classes: read in place from a directory, or unpacked
 * once from the jar into a temporary directory.
 */
final class Bundle {

    private static final String ROOT = "zt-example/";

    private final Path root;

    private Bundle(Path root) {
        this.root = root;
    }

    /** Locates (and if needed unpacks into {@code scratch}) the bundle of the launcher's code source. */
    static Bundle locate(Path scratch) {
        try {
            Path source = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                return new Bundle(source.resolve(ROOT));
            }
            Path target = scratch.resolve("bundle");
            try (JarFile jar = new JarFile(source.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(ROOT) && !entry.getName().contains("..")) {
                        Path file = target.resolve(entry.getName().substring(ROOT.length()));
                        Files.createDirectories(file.getParent());
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return new Bundle(target);
        } catch (IOException e) {
            throw new UncheckedIOException("ZT-EX-9001 cannot unpack the bundled applications", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("ZT-EX-9001 cannot locate the launcher's code source", e);
        }
    }

    Path war(String name) {
        Path war = root.resolve("apps").resolve(name + ".war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("ZT-EX-9002 " + war + " is missing: build with 'mvn -B install -DskipTests' first");
        }
        return war;
    }

    /** The server libraries each application gets, as Jetty's extra class path. */
    List<Path> serverLibraries() {
        try (Stream<Path> jars = Files.list(root.resolve("lib"))) {
            List<Path> list = new ArrayList<>(jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
            if (list.isEmpty()) {
                throw new IllegalStateException("ZT-EX-9002 no server libraries under " + root.resolve("lib"));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("ZT-EX-9002 cannot list " + root.resolve("lib"), e);
        }
    }
}
