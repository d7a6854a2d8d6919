package dev.zt.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The client secret, from a file (preferred: a mounted secret), an environment variable, or a
 * {@code char[]} given in code. Read once, when created; held as a private {@code char[]} copy and
 * never printed: {@link #toString()} is {@code Secret[redacted]}, and error messages name the
 * source (file path or variable name), never the value.
 */
public final class Secret {

    private final char[] value;
    private final String source;

    private Secret(char[] value, String source) {
        if (value.length == 0) {
            throw new IllegalArgumentException("ZT-7103 the client secret from " + source + " is empty");
        }
        this.value = value;
        this.source = source;
    }

    /** A copy of {@code secret}; the caller may wipe its array afterwards. */
    public static Secret of(char[] secret) {
        Objects.requireNonNull(secret, "secret");
        return new Secret(secret.clone(), "code");
    }

    /**
     * The UTF-8 content of {@code file}, without trailing line breaks (as written by {@code echo}).
     *
     * @throws IllegalArgumentException ({@code ZT-7103}) when the file cannot be read or is empty
     */
    public static Secret fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("ZT-7103 cannot read the client secret file " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                end--;
            }
            char[] secret = new char[end];
            chars.get(secret, 0, end);
            Arrays.fill(chars.array(), '\0');
            return new Secret(secret, "file " + file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("ZT-7103 the client secret file " + file + " is not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The value of the environment variable {@code name}.
     *
     * @throws IllegalStateException ({@code ZT-7101}) naming the variable when it is unset or empty
     */
    public static Secret fromEnvironment(String name) {
        return fromEnvironment(name, System::getenv);
    }

    static Secret fromEnvironment(String name, Function<String, String> environment) {
        Objects.requireNonNull(name, "name");
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("ZT-7101 the environment variable " + name + " is not set");
        }
        return new Secret(value.toCharArray(), "environment variable " + name);
    }

    /** A fresh copy of the secret; the caller wipes it after use. */
    char[] copy() {
        return value.clone();
    }

    /** Where the secret came from (a file path, a variable name or "code"); never the value. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
