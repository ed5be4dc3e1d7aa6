package io.mixbench.report.standard.internal;

import io.mixbench.report.ReportOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample HTML reports into a folder, to look at while working on the page: {@code HtmlPreview <folder>}. */
public final class HtmlPreview {

    private HtmlPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/html-preview");
        Files.createDirectories(dir);
        HtmlReportRenderer renderer = new HtmlReportRenderer();
        write(renderer, dir.resolve("fixtures.html"), Fixtures.withMix());
        write(renderer, dir.resolve("references.html"),
                SessionFixtures.session(new SessionFixtures.Options(8, 180, true, 2, false, true)));
        write(renderer, dir.resolve("tilt.html"),
                SessionFixtures.session(new SessionFixtures.Options(32, 600, true, 0, true, true)));
    }

    private static void write(HtmlReportRenderer renderer, Path file, io.mixbench.analysis.AnalysisResult result)
            throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            renderer.render(result, ReportOptions.DEFAULT, out);
        }
    }
}
