package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the architecture promises (docs/architecture.md, "The application layer"), checked on the sources:
 * the front ends reach the product through the workspace only, views through their site only, and no test
 * automation ships in the product.
 */
class LayeringTest {

    static final Path BUNDLES = ApiBaselineTest.REPOSITORY.resolve("bundles");
    static final List<String> FRONT_ENDS = List.of("io.mixbench.cli", "io.mixbench.workbench");

    /** What a front end must not import: the rules, the services the workspace wraps, the engine. */
    static final Pattern FORBIDDEN_IN_FRONT_ENDS = Pattern.compile("^import (static )?(io\\.mixbench\\.rule\\.Rule;"
            + "|io\\.mixbench\\.analysis\\.AnalysisService;|io\\.mixbench\\.session\\.SessionStore;"
            + "|io\\.mixbench\\.report\\.ReportRenderer;|io\\.mixbench\\.analysis\\.engine\\..*"
            + "|org\\.osgi\\.service\\.component\\.runtime\\..*)", Pattern.MULTILINE);

    static List<Path> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<String> matches(List<Path> files, Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            var m = pattern.matcher(Files.readString(f));
            while (m.find()) {
                found.add(BUNDLES.relativize(f) + ": " + m.group());
            }
        }
        return found;
    }

    static List<Path> productSources() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(BUNDLES)) {
            for (Path b : bundles.sorted().toList()) {
                all.addAll(sources(b.resolve("src/main/java")));
            }
        }
        return all;
    }

    @Test
    void frontEndsGoThroughTheWorkspace() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String fe : FRONT_ENDS) {
            files.addAll(sources(BUNDLES.resolve(fe).resolve("src/main/java")));
        }
        assertFalse(files.isEmpty(), "the front ends' sources are at " + BUNDLES);
        assertEquals(List.of(), matches(files, FORBIDDEN_IN_FRONT_ENDS));
    }

    @Test
    void onlyTheFilesBundleMovesFilesIntoPlace() throws IOException {
        List<Path> files = productSources().stream()
                .filter(f -> !f.startsWith(BUNDLES.resolve("io.mixbench.files"))).toList();
        assertEquals(List.of(), matches(files, Pattern.compile("Files\\.move\\(")));
    }

    @Test
    void noViewCastsItsSite() throws IOException {
        List<Path> views = sources(BUNDLES.resolve("io.mixbench.workbench/src/main/java"));
        assertEquals(List.of(), matches(views, Pattern.compile("\\(\\s*(\\w+\\.)*\\w*Site\\s*\\)\\s*\\w")));
    }

    @Test
    void noTestAutomationShipsInTheProduct() throws IOException {
        assertEquals(List.of(), matches(productSources(), Pattern.compile("\\bRobot\\b|gui\\.script")));
    }
}
