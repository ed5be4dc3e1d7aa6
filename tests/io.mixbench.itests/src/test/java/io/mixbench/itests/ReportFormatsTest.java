package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/mixbench writing the HTML, JUnit XML and CSV reports, and the HTML report opened in headless Chromium. */
class ReportFormatsTest {

    @Test
    void htmlReportOpensOfflineInHeadlessChromium(@TempDir Path dir) throws Exception {
        Path chromium = HeadlessChromium.find();
        if (chromium == null) {
            String message = "chromium is not installed (releng/setup.sh --test installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message + ": skipped");
        }
        Path report = dir.resolve("report.html");
        Product.Run run = Product.process(Map.of(), 90, "analyze", Product.demo("flawed").toString(), "--format",
                "html", "--out", report.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().isEmpty(), "the report goes to the file only: " + run.out());
        String html = Files.readString(report);
        assertTrue(html.contains("Kick peaks at"), "the demo's findings are in the page");
        // The plan comes first: the three moves at once, predicted (analyze does not render it).
        int plan = html.indexOf("<section id=\"plan\">");
        int moves = html.indexOf("<section id=\"moves\">");
        assertTrue(plan > 0 && plan < moves, "the plan comes first");
        String planSection = html.substring(plan, html.indexOf("</section>", plan));
        assertEquals(3, planSection.split("<tr class=\"move ", -1).length - 1, planSection);
        assertTrue(planSection.contains("<b>Lower Kick by 6.0 dB</b>") && planSection.contains("<b>Pan Bass to the"
                + " centre</b>") && planSection.contains("<b>Raise Lead Vox by "), planSection);
        assertTrue(planSection.contains("predicted: <span class=\"sev-ok\"><b>0</b> PROBLEM</span>, <span"
                + " class=\"sev-ok\"><b>0</b> WARN</span>"), planSection);
        assertFalse(planSection.toLowerCase(java.util.Locale.ROOT).contains("verified:"), planSection);
        // Then the moves each finding asks for, each once: the kick's move names both rules that ask for it.
        assertTrue(moves > 0 && moves < html.indexOf("<section id=\"summary\">"), "then the moves");
        String movesSection = html.substring(moves, html.indexOf("</section>", moves));
        assertEquals(1, movesSection.split("<b>Lower Kick by 6.0 dB</b>", -1).length - 1, movesSection);
        assertTrue(movesSection.contains(">kick.level</a>") && movesSection.contains(">bass.underKick</a>"),
                movesSection);

        HeadlessChromium.PageLoad load;
        try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
            load = browser.open(report, 1280);
        }
        // The page itself is the only request: no network, no other file, not even a favicon.
        assertEquals(List.of(report.toUri().toString()), load.requests());
        assertEquals(List.of(), load.consoleErrors());
        Path screenshots = Path.of(System.getProperty("mixbench.screenshots", "target/screenshots"))
                .toAbsolutePath();
        Files.createDirectories(screenshots);
        Path png = screenshots.resolve("report.png");
        Files.write(png, load.screenshotPng());
        System.err.println("HTML report screenshot: " + png + " (" + load.screenshotPng().length + " bytes)");
        assertTrue(load.screenshotPng().length > 20_000, "the screenshot shows a page");
        // PNG signature and a full-page height: the report is much taller than one screen.
        assertEquals((byte) 0x89, load.screenshotPng()[0]);
        int height = java.nio.ByteBuffer.wrap(load.screenshotPng(), 20, 4).getInt();
        assertTrue(height > 2000, "full page, " + height + " px high");
    }

    @Test
    void theBrowserCheckSeesRequestsAndConsoleErrors(@TempDir Path dir) throws Exception {
        // The check above must be able to fail: a page that fetches something and logs an error.
        Path chromium = HeadlessChromium.find();
        // Without chromium the test above fails on CI; this one only skips.
        Assumptions.assumeTrue(chromium != null, "chromium is not installed: skipped");
        Path page = dir.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>bad</title></head><body>"
                + "<img src=\"missing.png\" alt=\"\"><script>console.error('boom')</script></body></html>");
        HeadlessChromium.PageLoad load;
        try (HeadlessChromium browser = new HeadlessChromium(chromium)) {
            load = browser.open(page, 800);
        }
        assertTrue(load.requests().contains(dir.resolve("missing.png").toUri().toString()), load.requests()
                .toString());
        assertTrue(load.consoleErrors().stream().anyMatch(e -> e.contains("boom")), load.consoleErrors().toString());
    }

    @Test
    void severalFormatsInOneRunAreWrittenBesideEachOther(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("out/mix.html");
        Product.Run run = Product.process(Map.of(), 90, "analyze", Product.demo("flawed").toString(), "--format",
                "text,json,html,junit,csv", "--out", base.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().isEmpty(), run.out());
        for (String extension : List.of("txt", "json", "html", "xml", "csv")) {
            Path file = dir.resolve("out/mix." + extension);
            assertTrue(Files.size(file) > 100, file + " is written");
            assertTrue(run.err().contains("Report written to " + file), run.err());
        }
        ReportSchema.assertValid(Product.JSON.readTree(dir.resolve("out/mix.json").toFile()));
        String xml = Files.readString(dir.resolve("out/mix.xml"));
        assertTrue(xml.contains("<testcase classname=\"kick.level\" name=\"Kick\""), xml);
        assertTrue(xml.contains("<failure message=\"Kick peaks at"), xml);
        List<String> csv = Files.readAllLines(dir.resolve("out/mix.csv"));
        assertTrue(csv.get(0).startsWith("name,role,file,") && csv.get(0).contains("samplePeak [dBFS]"), csv.get(0));
        assertEquals(1 + 6, csv.size(), "a header and one row per track, the mix included");
        assertFalse(Files.readString(dir.resolve("out/mix.txt")).contains("\u001b["), "no colour in files");

        // An existing folder as --out: report.<extension> inside it.
        Product.Run intoFolder = Product.process(Map.of(), 90, "analyze", Product.demo("clean").toString(),
                "--format", "junit,csv", "--out", dir.toString(), "--quiet");
        assertEquals(0, intoFolder.exitCode(), intoFolder.err());
        assertTrue(Files.isRegularFile(dir.resolve("report.xml")) && Files.isRegularFile(dir.resolve("report.csv")));
    }

    @Test
    void severalFormatsWithoutOutIsAUsageError() throws Exception {
        Product.Run run = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--format",
                "text,json");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("several formats need --out"), run.err());
        assertTrue(run.out().isEmpty(), run.out());

        Product.Run unknown = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--format",
                "json,pdf", "--out", "x");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("unknown --format 'pdf'") && unknown.err().contains("html"),
                unknown.err());
    }

    @Test
    void oneFormatWithoutOutGoesToStdout() throws Exception {
        Product.Run csv = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--format",
                "csv", "--quiet");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().startsWith("name,role,file,"), csv.out());
        Product.Run junit = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--format",
                "junit", "--quiet");
        assertEquals(0, junit.exitCode(), junit.err());
        assertTrue(junit.out().startsWith("<?xml") && junit.out().contains("failures=\"0\""), junit.out());
    }
}
