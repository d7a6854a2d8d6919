package dev.zt.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every token a test minted in this JVM, written at JVM exit to
 * {@code target/zt-minted-tokens/<pid>-<nanos>.txt} (one per line, relative to the module directory
 * surefire and failsafe run in) so the build's last module can scan all captured test output for
 * any of them. Test fixtures that mint or obtain a token call {@link #register(String)}.
 */
public final class MintedTokens {

    /** The directory, relative to a module's base directory, that holds the registry files. */
    public static final String DIRECTORY = "target/zt-minted-tokens";

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private MintedTokens() {
    }

    /** Remembers {@code token} and returns it, so fixtures can write {@code return MintedTokens.register(jws);}. */
    public static String register(String token) {
        if (token != null && !token.isEmpty()) {
            TOKENS.add(token);
            hook();
        }
        return token;
    }

    /** The tokens registered so far in this JVM. */
    public static List<String> all() {
        return new ArrayList<>(TOKENS);
    }

    private static synchronized void hook() {
        if (hooked) {
            return;
        }
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(MintedTokens::write, "zt-minted-tokens"));
    }

    /** Writes the registry file now (also done at exit); returns its path. */
    public static synchronized Path write() {
        try {
            Path dir = Path.of(DIRECTORY);
            Files.createDirectories(dir);
            Path file = dir.resolve(ProcessHandle.current().pid() + "-" + System.nanoTime() + ".txt");
            Files.write(file, all(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
