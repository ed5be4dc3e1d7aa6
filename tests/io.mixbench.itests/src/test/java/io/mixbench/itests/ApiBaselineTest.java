package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's semantic-versioning check is real: a copy of an API module with one method removed from an exported
 * interface fails `mvn verify` at the bnd baseline, while the unchanged copy passes. Runs Maven offline on a copy
 * (the main build has already put every artifact and the released baseline in the local repository).
 */
class ApiBaselineTest {

    static final Path REPOSITORY = Path.of(System.getProperty("mixbench.repository", "../..")).toAbsolutePath()
            .normalize();

    @Test
    void removingAnApiMethodFailsTheBuild(@TempDir Path dir) throws Exception {
        Path module = copyModule("bundles/io.mixbench.rule.api", dir.resolve("unchanged"));
        Result unchanged = verify(module);
        assertEquals(0, unchanged.exitCode(), "the unchanged API passes its baseline:\n" + unchanged.output());

        Path broken = copyModule("bundles/io.mixbench.rule.api", dir.resolve("broken"));
        Path registry = broken.resolve("src/main/java/io/mixbench/rule/RuleSetRegistry.java");
        String source = Files.readString(registry);
        // A method of the released 1.0.0 API (one added since then could go without a major change).
        String method = "    RuleSet load(Path file) throws IOException;";
        assertTrue(source.contains(method), "the method to remove is still there");
        Files.writeString(registry, source.replace(method, ""));
        Result result = verify(broken);
        assertNotEquals(0, result.exitCode(), "removing a method must fail the build");
        assertTrue(result.output().contains("Baseline problems detected") && result.output().contains("MAJOR"),
                result.output());
    }

    /** Copies a module and points its parent at the real repository's root pom. */
    static Path copyModule(String relative, Path target) throws IOException {
        Path source = REPOSITORY.resolve(relative);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !p.toString().contains("/target")).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        Path pom = target.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<relativePath>../../pom.xml</relativePath>",
                "<relativePath>" + REPOSITORY.resolve("pom.xml") + "</relativePath>"));
        return target;
    }

    record Result(int exitCode, String output) {
    }

    static Result verify(Path module) throws Exception {
        Path log = Files.createTempFile("baseline", ".log");
        Process p = new ProcessBuilder(List.of("mvn", "-B", "-o", "-ntp", "verify", "-DskipTests",
                "-Dformatter.skip=true", "-Dmaven.repo.local=" + System.getProperty("user.home") + "/.m2/repository"))
                .directory(module.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn did not finish within 5 minutes");
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }
}
