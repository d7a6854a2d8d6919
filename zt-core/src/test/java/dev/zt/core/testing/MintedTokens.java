package dev.zt.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every token a test minted or obtained in this JVM, appended as it is registered to
 * {@code target/zt-minted-tokens/<pid>-<nanos>.txt} (one per line) of the module under test, so the
 * build's last module ({@code zt-leak-scan}) can scan all captured test output for any of them.
 *
 * <p>Test fixtures that mint a token, or receive one from another process (the development issuer
 * over HTTP, Keycloak, the example launcher), call {@link #register(String)}.
 *
 * <p>Each new token is written and flushed at once (not only at exit), so the registry survives a
 * fork that surefire halts or kills after its tests ({@code Runtime.halt} skips shutdown hooks); only
 * a token registered in the instant of a {@code kill -9} can be missing. The module directory is
 * the {@code basedir} system property surefire and failsafe set; outside such a run (e.g. a benchmark
 * using {@link TestTokens}) nothing is written, the tokens are only kept in memory.
 */
public final class MintedTokens {

    /** The directory, relative to a module's base directory, that holds the registry files. */
    public static final String DIRECTORY = "target/zt-minted-tokens";

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private static Path file;
    private static Writer writer;
    private static boolean unwritable;

    private MintedTokens() {
    }

    /**
     * Remembers {@code token} and returns it, so fixtures can write {@code return MintedTokens.register(jws);}.
     * {@code null} and empty strings are ignored; a value spanning lines is registered line by line.
     */
    public static String register(String token) {
        if (token == null || token.isEmpty()) {
            return token;
        }
        for (String line : token.split("\\R")) {
            if (!line.isEmpty() && TOKENS.add(line)) {
                append(line);
            }
        }
        return token;
    }

    /** The tokens registered so far in this JVM. */
    public static List<String> all() {
        return new ArrayList<>(TOKENS);
    }

    /** This JVM's registry file, flushed; {@code null} when nothing was written (no token yet, or not in a build). */
    public static synchronized Path write() {
        try {
            if (writer != null) {
                writer.flush();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void append(String token) {
        if (unwritable) {
            return;
        }
        try {
            if (writer == null) {
                String basedir = System.getProperty("basedir");
                if (basedir == null) {
                    unwritable = true; // not run by surefire/failsafe: no module directory to write into
                    return;
                }
                Path dir = Files.createDirectories(Path.of(basedir).resolve(DIRECTORY));
                file = dir.resolve(ProcessHandle.current().pid() + "-" + System.nanoTime() + ".txt");
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Runtime.getRuntime().addShutdownHook(new Thread(MintedTokens::close, "zt-minted-tokens"));
            }
            writer.write(token);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register a minted token in " + DIRECTORY, e);
        }
    }

    private static synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            // exiting: the lines are already flushed
        }
    }
}
