package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes a run start fast (docs/performance.md#start-up) must not change what it says: the help texts the
 * launcher prints without the framework, and the class-data sharing archive a copied product records for itself.
 */
class StartupTest {

    private static final Map<String, String> FRAMEWORK_ANSWERS = Map.of("MIXBENCH_JAVA_OPTS",
            "-Dmixbench.launcherAnswers=false");
    private static final Map<String, String> TRACED = Map.of("MIXBENCH_JAVA_OPTS", "-Dmixbench.traceStartup=true");

    @Test
    void helpAndVersionAreAnsweredWithoutTheFrameworkAndAsTheCliAnswers() throws Exception {
        List<List<String>> asks = new ArrayList<>(List.of(List.of(), List.of("--help"), List.of("-h"),
                List.of("help")));
        try (Stream<Path> texts = Files.list(Product.home().resolve("lib/help"))) {
            for (Path text : texts.toList()) {
                String command = text.getFileName().toString().replace(".txt", "");
                if (!command.equals("mixbench")) {
                    asks.add(List.of("help", command));
                    asks.add(List.of(command, "--help"));
                }
            }
        }
        assertTrue(asks.contains(List.of("analyze", "--help")) && asks.contains(List.of("plan", "--help")),
                "the build recorded the commands' help: " + asks);
        for (List<String> ask : asks) {
            String[] args = ask.toArray(String[]::new);
            Product.Run launcher = Product.process(TRACED, 60, args);
            Product.Run framework = Product.process(FRAMEWORK_ANSWERS, 60, args);
            assertEquals(0, framework.exitCode(), ask + ": " + framework.err());
            assertEquals(0, launcher.exitCode(), ask + ": " + launcher.err());
            assertEquals(framework.out(), launcher.out(), ask + ": the launcher prints what the CLI prints");
            assertTrue(launcher.err().contains("answered by the launcher")
                    && !launcher.err().contains("framework initialised"), ask + ": " + launcher.err());
        }
        Product.Run version = Product.process(TRACED, 60, "--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().matches("Mixbench [0-9][^\\s]*\\R"), version.out());
        assertTrue(version.err().contains("answered by the launcher"), version.err());
        Product.Run bundles = Product.process(Map.of(), 60, "version");
        assertTrue(bundles.out().startsWith(version.out()) && bundles.out().contains("io.mixbench.cli "),
                "the version command lists the bundles: " + bundles.out());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aCopiedProductRecordsItsOwnArchiveAndAnalysesTheSameWithIt(@TempDir Path work) throws Exception {
        Path home = copyProduct(work.resolve("mixbench"));
        Path cache = work.resolve("cache");
        Path records = cache.resolve("mixbench/cds");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        String session = home.resolve("demo/clean").toString();

        Product.Run first = Product.process(home, env, 120, "analyze", session, "--format", "json", "--no-cache");
        assertEquals(0, first.exitCode(), first.err());
        Path archive = awaitArchive(records);
        assertTrue(Files.size(archive) > 1_000_000, "a real archive: " + Files.size(archive));

        Path classLog = work.resolve("classes.log");
        Product.Run shared = Product.process(home, Map.of("XDG_CACHE_HOME", cache.toString(), "MIXBENCH_JAVA_OPTS",
                "-Xlog:class+load=info:file=" + classLog), 120, "analyze", session, "--format", "json", "--no-cache");
        assertEquals(0, shared.exitCode(), shared.err());
        assertTrue(Files.readAllLines(classLog).stream().anyMatch(
                l -> l.contains(" io.mixbench.analysis.engine.") && l.contains("shared objects file (top)")),
                "the bundles' classes came from the archive");
        Product.Run plain = Product.process(home, Map.of("XDG_CACHE_HOME", cache.toString(), "MIXBENCH_CDS", "off"),
                120, "analyze", session, "--format", "json", "--no-cache");
        assertEquals(withoutTimes(plain.out()), withoutTimes(shared.out()));
        assertEquals(withoutTimes(first.out()), withoutTimes(shared.out()));

        // A recording whose JVM was killed mid-write is never used (mapping it would crash every run).
        String name = archive.getFileName().toString();
        Files.delete(archive);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path cut = records.resolve(name + "." + dead.pid() + ".tmp");
        Files.write(cut, new byte[4096]);
        Product.Run afterCut = Product.process(home, env, 120, "analyze", session, "--format", "json", "--no-cache");
        assertEquals(0, afterCut.exitCode(), afterCut.err());
        assertEquals(withoutTimes(plain.out()), withoutTimes(afterCut.out()));
        Path again = awaitArchive(records);
        assertTrue(Files.size(again) > 1_000_000, "recorded afresh, not the cut one: " + Files.size(again));
        assertFalse(Files.exists(cut));
    }

    /** The one archive in the folder, once no recording is under way (the recording runs in the background). */
    private static Path awaitArchive(Path records) throws IOException, InterruptedException {
        while (true) {
            if (Files.isDirectory(records)) {
                try (Stream<Path> files = Files.list(records)) {
                    List<Path> all = files.toList();
                    List<Path> archives = all.stream().filter(p -> p.toString().endsWith(".jsa")).toList();
                    if (archives.size() == 1 && all.size() == 1) {
                        return archives.get(0);
                    }
                }
            }
            // Bounded by the test's time limit: the recording is one analysis of the demo session.
            Thread.sleep(200);
        }
    }

    private static Path copyProduct(Path target) throws IOException {
        Path source = Product.home();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path relative = source.relativize(from);
                boolean cache = false;
                for (Path element : relative) {
                    cache |= element.toString().equals(".mixbench");
                }
                if (relative.startsWith("lib/cds") || cache) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** The JSON report without the fields that differ between any two runs. */
    static JsonNode withoutTimes(String json) throws IOException {
        JsonNode report = Product.JSON.readTree(json);
        ((ObjectNode) report).remove(List.of("analysedAt", "elapsedSeconds"));
        return report;
    }
}
