package dev.salvo.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /**
     * Null when files can be created in {@code dir} (it is made if missing), else what is wrong, in one line:
     * {@code cannot write in out: Read-only file system}.
     */
    public static String folderProblem(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) return "cannot write in " + dir + ": it is a file, not a folder";
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".salvo-probe", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return "cannot write in " + dir + ": " + reason(e);
        } catch (SecurityException e) {
            return "cannot write in " + dir + ": " + e.getMessage();
        }
    }

    /** Why writing failed, without the path a FileSystemException's message starts with (often a temporary file's). */
    public static String reason(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) return reason(u.getCause());
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such folder";
        if (e instanceof FileAlreadyExistsException) return "a file is in the way";
        if (e instanceof DirectoryNotEmptyException) return "a folder is in the way";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
