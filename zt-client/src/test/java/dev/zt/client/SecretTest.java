package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    private static final String VALUE = "not-a-real-secret-42";

    @TempDir
    Path dir;

    @Test
    void toString_neverShowsTheValue() {
        Secret secret = Secret.of(VALUE.toCharArray());

        assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain(VALUE);
        assertThat(new String(secret.copy())).isEqualTo(VALUE); // positive control: the value is there
    }

    @Test
    void of_keepsItsOwnCopy_soTheCallerMayWipeTheArray() {
        char[] given = VALUE.toCharArray();
        Secret secret = Secret.of(given);

        Arrays.fill(given, '\0');

        assertThat(new String(secret.copy())).isEqualTo(VALUE);
    }

    @Test
    void fromFile_readsUtf8WithoutTrailingLineBreaks() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "pässword\r\n", StandardCharsets.UTF_8);

        assertThat(new String(Secret.fromFile(file).copy())).isEqualTo("pässword");
    }

    @Test
    void fromFile_missing_failsNamingThePath() {
        Path missing = dir.resolve("absent");

        assertThatThrownBy(() -> Secret.fromFile(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-7103").hasMessageContaining(missing.toString());
    }

    @Test
    void fromFile_empty_failsWithoutContent() throws IOException {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> Secret.fromFile(file)).hasMessageStartingWith("ZT-7103").hasMessageContaining("empty");
    }

    @Test
    void fromEnvironment_readsTheVariable_andNamesItWhenMissing() {
        Secret secret = Secret.fromEnvironment("ZT_CLIENT_SECRET", Map.of("ZT_CLIENT_SECRET", VALUE)::get);
        assertThat(new String(secret.copy())).isEqualTo(VALUE);

        assertThatThrownBy(() -> Secret.fromEnvironment("ZT_CLIENT_SECRET", Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ZT-7101 the environment variable ZT_CLIENT_SECRET is not set");
    }
}
