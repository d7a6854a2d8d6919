package dev.zt.devissuer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file readable by its owner only, atomically (readers never see it half written or world-readable). */
final class SecretFiles {

    private SecretFiles() {
    }

    static Path writeOwnerOnly(Path file, String content) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path temp;
            try {
                temp = Files.createTempFile(dir, ".zt-dev-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                temp = Files.createTempFile(dir, ".zt-dev-", ".tmp");
                File f = temp.toFile();
                boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                        & f.setWritable(false, false) & f.setWritable(true, true);
                if (!restricted) {
                    Files.deleteIfExists(temp);
                    throw new IOException("cannot restrict the file to its owner");
                }
            }
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("ZT-8041 cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
