package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run's framework storage (mixbench-osgi-* in the temporary folder) goes on every exit path: a normal exit, a
 * SIGTERM, and a run killed outright, whose folder the next run sweeps.
 */
class FrameworkStorageTest {

    @Test
    void aRunDeletesTheFoldersOfKilledRunsAndKeepsLiveOnes(@TempDir Path tmp) throws Exception {
        Path stale = Files.createDirectories(tmp.resolve("mixbench-osgi-killed/felix/bundle7"));
        Files.writeString(stale.resolve("bundle.info"), "left by a run that was killed");
        Files.writeString(tmp.resolve("mixbench-osgi-killed/lock"), "");
        Path live = Files.createDirectories(tmp.resolve("mixbench-osgi-running"));
        try (FileChannel channel = FileChannel.open(live.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Product.Run run = Product.process(Map.of("MIXBENCH_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp), 60,
                    "version");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(held.isValid());
        }
        assertFalse(Files.exists(tmp.resolve("mixbench-osgi-killed")), "the killed run's folder was swept");
        assertTrue(Files.isDirectory(live), "a folder whose lock is held belongs to a running process");
        assertEquals(List.of(live), storageFolders(tmp), "the run deleted its own folder");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermDeletesTheStorage(@TempDir Path work) throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path markers = Files.createDirectories(work.resolve("markers"));
        TestBundles.badActivator(plugins, "test.activator.blocks", "blocks");
        // The launcher waits for the blocked activator far longer than the test: the process is mid-run when
        // it gets the signal, whatever the machine's speed.
        ProcessBuilder pb = new ProcessBuilder(Product.home().resolve("bin/mixbench").toString(), "analyze",
                Product.demo("clean").toString());
        pb.environment().put("MIXBENCH_PLUGINS", plugins.toString());
        pb.environment().put("MIXBENCH_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -Dmixbench.test.markerDir="
                + markers + " -Dmixbench.pluginStartSeconds=3600");
        pb.redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile());
        Process process = pb.start();
        try {
            Path started = markers.resolve("test.activator.blocks.started");
            while (!Files.exists(started)) {
                assertTrue(process.isAlive(), () -> "the process ended early: " + read(work.resolve("output.txt")));
                Thread.sleep(50);
            }
            assertEquals(1, storageFolders(tmp).size(), "the run's storage exists while it runs");
            process.destroy();
            assertEquals(143, process.waitFor(), "ended by SIGTERM");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), storageFolders(tmp), "SIGTERM deleted the storage");
    }

    static List<Path> storageFolders(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("mixbench-osgi-")).toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
