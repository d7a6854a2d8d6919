package dev.zt.leakscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the directory whose {@code pom.xml} lists {@code zt-leak-scan} among its modules. */
public final class RepositoryRoot {

    static final String MODULE_ENTRY = "<module>zt-leak-scan</module>";

    private RepositoryRoot() {
    }

    /**
     * {@code hint} (the {@code zt.leakscan.root} system property the pom passes) if it is the root,
     * else the nearest directory above {@code start} that is; fails naming both otherwise.
     */
    public static Path locate(String hint, Path start) {
        if (hint != null && isRoot(Path.of(hint))) {
            return Path.of(hint).toAbsolutePath().normalize();
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml listing " + MODULE_ENTRY + " at " + hint + " or above " + start);
    }

    static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom) && Files.readString(pom, StandardCharsets.UTF_8).contains(MODULE_ENTRY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
