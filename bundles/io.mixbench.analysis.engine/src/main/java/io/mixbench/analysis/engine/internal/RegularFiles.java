package io.mixbench.analysis.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses what is not a regular file before it is opened: opening a FIFO blocks until a writer comes, and a device
 * (a link to {@code /dev/zero}) never ends, so either would hang an analysis or the cache's checksum.
 * {@link Files#isRegularFile} follows links, so a link to a device is a device.
 *
 * <p>
 * A path swapped for a FIFO between the check and the open can still block: Java has no {@code O_NONBLOCK} open,
 * and that race needs someone changing the folder on purpose while it is read.
 */
final class RegularFiles {

    private static final int TYPE_MASK = 0170000;

    private RegularFiles() {
    }

    /**
     * What is wrong with opening {@code file} as data, e.g. "not a regular file (a FIFO)"; empty for a regular file
     * and for a missing one (which the caller reports as missing).
     */
    static Optional<String> problem(Path file) {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of("not a regular file (" + kind(file) + ")");
    }

    /** Like {@link #problem} but thrown, as an {@link IOException} whose message names the file. */
    static void require(Path file) throws IOException {
        Optional<String> problem = problem(file);
        if (problem.isPresent()) {
            throw new IOException(file + ": " + problem.get());
        }
    }

    private static String kind(Path file) {
        if (Files.isDirectory(file)) {
            return "a folder";
        }
        try {
            // The st_mode file type; the "unix" attribute view exists on Linux and macOS.
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & TYPE_MASK;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a FIFO, a device or another special file";
        }
    }
}
