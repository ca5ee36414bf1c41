package dev.salvo.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;


/** Writes a result file under a temporary name beside it and renames it: readers never see half a file. */
public final class AtomicFile {
    /** Writes the content of one file; may throw. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created owner-only; results are ordinary files (rw-r--r--). */
    private static void readableByAll(Path tmp) {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep what it gave
        }
    }

    public static void write(Path file, String text) throws IOException {
        write(file, w -> w.write(text));
    }

    /** Null when a file can be created at {@code file} (its folder is made), else what is wrong. */
    public static String problem(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (Files.isDirectory(file)) return file + " is a directory";
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".salvo-probe", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
