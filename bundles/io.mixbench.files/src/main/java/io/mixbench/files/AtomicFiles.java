package io.mixbench.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes user files so that a crash never leaves half a file under the final name, and a killed writer's
 * temporary file is removed by the next write of the same file.
 * <p>
 * The content goes to {@code .<name>.<digits>.tmp} beside the target, which the writer holds an OS file lock on
 * until it has been renamed to the target. The OS releases the lock when a process dies, so a temporary file of
 * the same target whose lock can be taken is a dead writer's and is deleted; a live writer's is left alone. New
 * files get the permissions the user's umask gives (the temporary file is created with the default mode, not
 * {@link Files#createTempFile}'s private one); a replaced file keeps its permissions.
 */
public final class AtomicFiles {

    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with what {@code content} writes, atomically; a failure leaves the old file (or none).
     *
     * @throws IOException the content's own, or the file system's
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(absolute);
        Path tmp;
        FileChannel channel;
        while (true) {
            tmp = dir.resolve(temporaryName(absolute, Long.toUnsignedString(RANDOM.nextLong())));
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // Another writer drew the same number: draw again.
            }
        }
        try (FileChannel locked = channel) {
            locked.lock(); // held until the channel closes
            OutputStream out = Channels.newOutputStream(locked);
            content.writeTo(out);
            out.flush();
            keepPermissions(tmp, absolute);
            // Renamed while locked: a sweeper can only take the lock once the name is gone.
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The temporary file's name for a target; {@code digits} tell concurrent writers apart. */
    public static String temporaryName(Path target, String digits) {
        return "." + target.getFileName() + "." + digits + ".tmp";
    }

    /**
     * Deletes the temporary files of {@code target} that no live writer holds: those a killed run left behind.
     *
     * @return the files deleted
     */
    public static List<Path> removeStaleTemporaries(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9]+\\.tmp");
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(p -> ours.matcher(p.getFileName().toString()).matches()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Path> removed = new java.util.ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                if (lock != null && Files.deleteIfExists(candidate)) {
                    removed.add(candidate);
                }
            } catch (OverlappingFileLockException e) {
                // This process is writing it (another report of the same run).
            } catch (NoSuchFileException e) {
                // Its writer finished in the meantime.
            }
        }
        return removed;
    }

    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (Files.exists(target)
                && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }
}
