package io.mixbench.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes user files so that a crash never leaves half a file under the final name, and a killed writer's
 * temporary file is removed by the next write of the same file.
 * <p>
 * The content goes to {@code .<name>.<digits>.tmp} beside the target, which the writer holds an OS file lock on
 * until it has been synced and renamed to the target. The OS releases the lock when a process dies, so a temporary
 * file whose lock can be taken is a dead writer's and is deleted; a live writer's is left alone, in another process
 * and in this one (whose temporary files a sweep never opens: closing any channel on a file releases every lock the
 * process holds on it). New files get the permissions the user's umask gives (the temporary file is created with
 * the default mode, not {@link Files#createTempFile}'s private one); a replaced file keeps its permissions.
 * <p>
 * {@link #write} writes a whole file from a stream; {@link #open} gives a writer that needs to seek (a header
 * patched at the end) the temporary file's channel and moves it into place on {@link PendingFile#commit()}.
 */
public final class AtomicFiles {

    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A file being written: its content goes to {@link #channel()}, a temporary file beside the target that this
     * writer holds a lock on. {@link #commit()} moves it into place; closing it uncommitted deletes it and leaves the
     * target as it was. Not thread-safe.
     */
    public static final class PendingFile implements Closeable {

        private final Path target;
        private final Path temporary;
        /** The temporary file as the set of this process's writers holds it. */
        private final Path key;
        private final FileChannel channel;
        private boolean committed;
        private boolean closed;

        private PendingFile(Path target, Path temporary, Path key, FileChannel channel) {
            this.target = target;
            this.temporary = temporary;
            this.key = key;
            this.channel = channel;
        }

        /** The temporary file, open for writing (and seeking); do not close it, close this instead. */
        public FileChannel channel() {
            return channel;
        }

        /**
         * Syncs the content to disk and renames it to the target in one step, then closes this. After a failure the
         * target is as it was and the temporary file is gone.
         *
         * @throws IllegalStateException when already committed or closed
         */
        public void commit() throws IOException {
            if (closed) {
                throw new IllegalStateException(target + ": already " + (committed ? "committed" : "closed"));
            }
            try {
                channel.force(true);
                keepPermissions(temporary, target);
                // Renamed while locked: a sweeper can only take the lock once the name is gone.
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                committed = true;
            } finally {
                close();
            }
        }

        /** Deletes the temporary file unless {@link #commit()} moved it into place; closing twice does nothing. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                // Deleted while still locked, so no sweeper in another process races for it.
                if (!committed) {
                    Files.deleteIfExists(temporary);
                }
            } finally {
                try {
                    channel.close();
                } finally {
                    WRITING.remove(key);
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Any target's temporary file: {@link #temporaryName}. */
    private static final Pattern ANY_TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.tmp");
    /** Temporary files this process is writing: a sweep must not open them (see the class comment). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with what {@code content} writes, atomically; a failure leaves the old file (or none).
     *
     * @throws IOException the content's own, or the file system's
     */
    public static void write(Path target, Content content) throws IOException {
        try (PendingFile file = open(target)) {
            OutputStream out = Channels.newOutputStream(file.channel());
            content.writeTo(out);
            out.flush();
            file.commit();
        }
    }

    /**
     * Starts writing {@code target}: creates its folder, deletes its dead writers' temporary files and creates a
     * locked one of its own. Nothing appears under {@code target} until {@link PendingFile#commit()}; close the
     * result in every case.
     */
    public static PendingFile open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(absolute);
        while (true) {
            Path tmp = dir.resolve(temporaryName(absolute, Long.toUnsignedString(RANDOM.nextLong())));
            // Registered before it exists, so that a sweep in this process never opens it.
            Path key = tmp.normalize();
            WRITING.add(key);
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                WRITING.remove(key);
                continue; // Another writer drew the same number: draw again.
            } catch (IOException | RuntimeException e) {
                WRITING.remove(key);
                throw e;
            }
            PendingFile file = new PendingFile(absolute, tmp, key, channel);
            boolean ours = false;
            try {
                channel.lock(); // held until the channel closes
                // A sweeper in another process may have locked and deleted it before we locked it: draw again.
                ours = Files.exists(tmp, LinkOption.NOFOLLOW_LINKS);
            } finally {
                if (!ours) {
                    file.close();
                }
            }
            if (ours) {
                return file;
            }
        }
    }

    /** The temporary file's name for a target; {@code digits} tell concurrent writers apart. */
    public static String temporaryName(Path target, String digits) {
        return "." + target.getFileName() + "." + digits + ".tmp";
    }

    /**
     * Deletes the temporary files of {@code target} that no live writer holds: those a killed run left behind. One
     * that cannot be opened is left.
     *
     * @return the files deleted
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> removeStaleTemporaries(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return sweep(absolute.getParent(),
                Pattern.compile(Pattern.quote("." + absolute.getFileName() + ".") + "[0-9]+\\.tmp"));
    }

    /**
     * Deletes the temporary files of every target in {@code folder} that no live writer holds, for a folder this
     * product alone writes (a cache) whose targets are not known in advance.
     *
     * @return the files deleted; none when the folder does not exist
     */
    public static List<Path> removeStaleTemporariesIn(Path folder) throws IOException {
        return sweep(folder.toAbsolutePath(), ANY_TEMPORARY);
    }

    private static List<Path> sweep(Path dir, Pattern ours) throws IOException {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(p -> ours.matcher(p.getFileName().toString()).matches()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        for (Path candidate : candidates) {
            if (WRITING.contains(candidate.normalize()) || !Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS); FileLock lock = channel.tryLock()) {
                if (lock != null && Files.deleteIfExists(candidate)) {
                    removed.add(candidate);
                }
            } catch (OverlappingFileLockException e) {
                // This process holds it through a channel not opened here: leave it to its writer.
            } catch (NoSuchFileException e) {
                // Its writer finished in the meantime.
            } catch (IOException e) {
                // Another user's, say, in a shared folder: not ours to delete, and no reason to fail a write.
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
