package dev.zt.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @TempDir
    Path jvms;

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void findJavaHomeWhenJavaHomeIs17ThenTheNewestScannedJdk21PlusWins() throws IOException {
        Path old = jdk("java-17", "17.0.15");
        jdk("temurin-21", "21.0.5");
        Path newest = jdk("temurin-25", "25.0.3");

        assertThat(Jdks.findJavaHome(null, old.toString(), old.toString(), jvms)).isEqualTo(newest);
    }

    @Test
    void findJavaHomeWhenJavaHomeIs21PlusThenItWinsOverTheScan() throws IOException {
        Path named = jdk("named-21", "21.0.1");
        jdk("temurin-25", "25.0.3");

        assertThat(Jdks.findJavaHome(null, named.toString(), null, jvms)).isEqualTo(named);
    }

    @Test
    void findJavaHomeWhenNoJdk21PlusThenFailsNamingEveryPlaceLookedAt() throws IOException {
        Path old = jdk("java-17", "17.0.15");
        Path ancient = jdk("java-8", "1.8.0_412");

        assertThatThrownBy(() -> Jdks.findJavaHome(null, old.toString(), null, jvms))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JDK 21 or newer")
                .hasMessageContaining("-Dkeycloak.java.home (unset)")
                .hasMessageContaining("JAVA_HOME = " + old + " (Java 17)")
                .hasMessageContaining(ancient + " (Java 8)");
    }

    @Test
    void findJavaHomeWhenDirectoryHasNoJavaThenNotACandidate() throws IOException {
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        assertThatThrownBy(() -> Jdks.findJavaHome(null, null, null, jvms))
                .hasMessageContaining("not-a-jdk (no usable bin/java)");
    }

    @Test
    void featureWhenVersionStringsOfEachEraThenFeatureNumber() {
        assertThat(Jdks.feature("25.0.3")).isEqualTo(25);
        assertThat(Jdks.feature("21")).isEqualTo(21);
        assertThat(Jdks.feature("1.8.0_412")).isEqualTo(8);
        assertThat(Jdks.feature("26-ea")).isEqualTo(26);
    }
}
