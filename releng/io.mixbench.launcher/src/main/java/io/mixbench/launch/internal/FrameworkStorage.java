package io.mixbench.launch.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One run's framework storage: a folder {@code mixbench-osgi-*} in the temporary folder holding an OS file lock
 * ({@value #LOCK}) for as long as the run lives, and the framework's files in {@code felix/}. It is deleted when
 * the run closes it or the JVM shuts down (SIGINT, SIGTERM); a folder left by a killed run (SIGKILL, a crash) has
 * a lock nobody holds, and the next run's {@link #sweep} deletes it.
 * Not {@code AtomicFiles}: the launcher is on the class path below every bundle, and this locks the framework's folder.
 */
final class FrameworkStorage implements AutoCloseable {

    static final String PREFIX = "mixbench-osgi-";
    static final String LOCK = "lock";

    /**
     * The folders of this JVM's runs. The sweep never opens their lock files: on Linux, closing any descriptor of
     * a file drops every lock the process holds on it.
     */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel lockChannel;
    private final Thread shutdownHook;

    private FrameworkStorage(Path folder, FileChannel lockChannel) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.shutdownHook = new Thread(this::delete, "mixbench-storage-cleanup");
    }

    /** Creates and locks a new storage folder in {@code tempDir}, after deleting the ones dead runs left. */
    static FrameworkStorage create(Path tempDir) throws IOException {
        sweep(tempDir);
        Path folder = Files.createTempDirectory(tempDir, PREFIX);
        OWN.add(folder);
        // Locked under another name, then renamed: a sweep only looks at a lock file that is already held.
        Path pending = folder.resolve(LOCK + ".new");
        FileChannel channel = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
            Files.move(pending, folder.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            channel.close();
            deleteTree(folder);
            OWN.remove(folder);
            throw e;
        }
        FrameworkStorage storage = new FrameworkStorage(folder, channel);
        Runtime.getRuntime().addShutdownHook(storage.shutdownHook);
        return storage;
    }

    /** The folder the framework keeps its files in. */
    Path frameworkFolder() {
        return folder.resolve("felix");
    }

    Path folder() {
        return folder;
    }

    /**
     * Deletes the storage folders in {@code tempDir} whose lock no process holds (their run was killed).
     * Best effort: a folder that cannot be deleted now is tried again by the next run.
     */
    static void sweep(Path tempDir) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tempDir, PREFIX + "*")) {
            for (Path folder : folders) {
                Path lock = folder.resolve(LOCK);
                if (OWN.contains(folder) || !Files.isRegularFile(lock)) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                    FileLock held = channel.tryLock();
                    if (held != null) {
                        deleteTree(folder);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // In use, or gone already: not ours to delete.
                }
            }
        } catch (IOException | RuntimeException e) {
            // The sweep is housekeeping; a run must not fail because of it.
        }
    }

    private void delete() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            // Closing releases the lock; the folder goes either way.
        }
        deleteTree(folder);
        OWN.remove(folder);
    }

    /** Deletes the folder and releases the lock; the shutdown hook is no longer needed. */
    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (and finds nothing left to delete).
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // What is left is swept by a later run.
        }
    }
}
