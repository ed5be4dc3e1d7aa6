package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rule.Value;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * JUnit XML for CI servers: one {@code <testcase>} per (rule, track) pair, {@code classname} = rule id, {@code name}
 * = the track a finding names first ("session" for findings about no track, and for rules that reported nothing);
 * a {@code <failure>} per finding at or above {@link ReportOptions#failOn()}, an {@code <error>} per rule error, a
 * {@code <skipped>} for rules that did not apply or are disabled. Contract: docs/report-junit.md.
 */
@Component(service = ReportRenderer.class, property = ReportRenderer.FORMAT + "=" + JUnitReportRenderer.FORMAT_ID)
public final class JUnitReportRenderer implements ReportRenderer {

    static final String FORMAT_ID = "junit";
    /** The test case name of findings about no track, and of rules that reported nothing. */
    static final String SESSION = "session";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT);

    @Override
    public String format() {
        return FORMAT_ID;
    }

    @Override
    public String fileExtension() {
        return "xml";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    /** One test case: its findings, and why it was skipped when a rule did not run. */
    private static final class Case {
        final String rule;
        final String track;
        final List<Finding> findings = new ArrayList<>();
        String skipped;

        Case(String rule, String track) {
            this.rule = rule;
            this.track = track;
        }

        boolean hasError() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.RULE_ERROR);
        }

        boolean hasFailure(Severity failOn) {
            return findings.stream().anyMatch(f -> f.severity() != Severity.RULE_ERROR && f.severity().reaches(failOn));
        }
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        Severity failOn = options == null || options.failOn() == null ? Severity.PROBLEM : options.failOn();
        List<Case> cases = cases(result);
        int errors = 0;
        int failures = 0;
        int skipped = 0;
        for (Case c : cases) {
            if (c.hasError()) {
                errors++;
            } else if (c.hasFailure(failOn)) {
                failures++;
            } else if (c.skipped != null) {
                skipped++;
            }
        }
        String suiteName = "Mixbench " + ReportSupport.sessionName(result.session());
        String time = seconds(result);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<testsuites name=\"" + Xml.attribute(suiteName) + "\" tests=\"" + cases.size() + "\" failures=\""
                + failures + "\" errors=\"" + errors + "\" time=\"" + time + "\">\n");
        w.write("  <testsuite name=\"" + Xml.attribute(suiteName) + "\" tests=\"" + cases.size() + "\" failures=\""
                + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\"" + time + "\"");
        if (result.startedAt() != null) {
            w.write(" timestamp=\""
                    + TIMESTAMP.format(LocalDateTime.ofInstant(result.startedAt(), ZoneOffset.UTC)) + "\"");
        }
        w.write(" hostname=\"localhost\">\n");
        w.write("    <properties>\n");
        property(w, "session", result.session().location() == null ? "" : result.session().location().toString());
        property(w, "exportKind", result.session().exportKind().id());
        property(w, "ruleSet", result.ruleSet() == null ? "" : result.ruleSet().id());
        property(w, "failOn", failOn.id());
        for (Map.Entry<String, String> version : ReportSupport.sortedVersions(result).entrySet()) {
            property(w, "version." + version.getKey(), version.getValue());
        }
        w.write("    </properties>\n");
        for (Case c : cases) {
            testCase(w, c, failOn);
        }
        w.write("  </testsuite>\n</testsuites>\n");
        w.flush();
    }

    /** The test cases in rule order (the applied rules first, in the result's order), tracks in session order. */
    private static List<Case> cases(AnalysisResult result) {
        Map<String, Integer> trackOrder = new HashMap<>();
        List<MeasuredTrack> tracks = result.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            trackOrder.putIfAbsent(tracks.get(i).name(), i);
        }
        Map<String, Map<String, Case>> byRule = new LinkedHashMap<>();
        for (AppliedRule rule : result.rules()) {
            byRule.computeIfAbsent(rule.ruleId(), k -> new LinkedHashMap<>());
        }
        for (Finding finding : result.findings()) {
            String track = finding.tracks().isEmpty() ? SESSION : finding.tracks().get(0);
            byRule.computeIfAbsent(finding.ruleId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(track, t -> new Case(finding.ruleId(), t)).findings.add(finding);
        }
        Map<String, String> outcomes = new HashMap<>();
        for (AppliedRule rule : result.rules()) {
            outcomes.putIfAbsent(rule.ruleId(), rule.outcome());
        }
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Map<String, Case>> rule : byRule.entrySet()) {
            Map<String, Case> perTrack = rule.getValue();
            if (perTrack.isEmpty()) {
                // A rule that reported nothing: one case for the session, skipped when the rule did not run.
                Case c = new Case(rule.getKey(), SESSION);
                String outcome = outcomes.get(rule.getKey());
                if ("not-applicable".equals(outcome) || "disabled".equals(outcome)) {
                    c.skipped = outcome;
                }
                perTrack.put(SESSION, c);
            }
            List<Case> ordered = new ArrayList<>(perTrack.values());
            ordered.sort((a, b) -> Integer.compare(trackOrder.getOrDefault(a.track, Integer.MAX_VALUE),
                    trackOrder.getOrDefault(b.track, Integer.MAX_VALUE)));
            cases.addAll(ordered);
        }
        return cases;
    }

    private static void testCase(Writer w, Case c, Severity failOn) throws IOException {
        w.write("    <testcase classname=\"" + Xml.attribute(c.rule) + "\" name=\"" + Xml.attribute(c.track)
                + "\" time=\"0\"");
        List<Finding> passing = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Finding f : c.findings) {
            if (f.severity() == Severity.RULE_ERROR) {
                body.append("      <error message=\"").append(Xml.attribute(f.message()))
                        .append("\" type=\"rule-error\">").append(Xml.text(details(f))).append("</error>\n");
            } else if (f.severity().reaches(failOn)) {
                body.append("      <failure message=\"").append(Xml.attribute(f.message())).append("\" type=\"")
                        .append(f.severity().id()).append("\">").append(Xml.text(details(f))).append("</failure>\n");
            } else {
                passing.add(f);
            }
        }
        if (c.skipped != null) {
            body.append("      <skipped message=\"").append(Xml.attribute("rule " + c.skipped)).append("\"/>\n");
        }
        // Findings below the threshold (OK, INFO, and WARN under --fail-on problem) pass; their messages are kept.
        if (!passing.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (Finding f : passing) {
                text.append(f.severity().id().toUpperCase(Locale.ROOT)).append(": ").append(f.message()).append('\n');
                if (f.severity() != Severity.OK && f.suggestion() != null && !f.suggestion().isBlank()) {
                    text.append("  Fix: ").append(f.suggestion().strip()).append('\n');
                }
            }
            body.append("      <system-out>").append(Xml.text(text.toString())).append("</system-out>\n");
        }
        if (body.length() == 0) {
            w.write("/>\n");
        } else {
            w.write(">\n");
            w.write(body.toString());
            w.write("    </testcase>\n");
        }
    }

    /** The failure text: the fix first (what a CI reader acts on), then the figures and times. */
    private static String details(Finding f) {
        StringBuilder text = new StringBuilder();
        if (f.suggestion() != null && !f.suggestion().isBlank()) {
            text.append(f.suggestion().strip()).append('\n');
        }
        Value measured = f.measured();
        if (measured != null) {
            text.append("Measured: ")
                    .append(measured.measure() == null || measured.measure().isBlank() ? "" : measured.measure() + ": ")
                    .append(Html.value(measured.value(), measured.unit())).append('\n');
        }
        Target target = f.target();
        if (target != null && !(Double.isNaN(target.min()) && Double.isNaN(target.max()))) {
            text.append("Target: ").append(target.describe()).append('\n');
        }
        if (!f.timeRanges().isEmpty()) {
            text.append("At:");
            for (TimeRange range : f.timeRanges()) {
                text.append(' ').append(Html.clock(range.startSeconds())).append('-')
                        .append(Html.clock(range.endSeconds()));
            }
            text.append('\n');
        }
        if (f.tracks().size() > 1) {
            text.append("Tracks: ").append(String.join(", ", f.tracks())).append('\n');
        }
        return text.toString();
    }

    private static void property(Writer w, String name, String value) throws IOException {
        w.write("      <property name=\"" + Xml.attribute(name) + "\" value=\"" + Xml.attribute(value) + "\"/>\n");
    }

    /** Seconds with three decimals and a dot, as JUnit XML readers expect. */
    private static String seconds(AnalysisResult result) {
        double s = result.elapsed() == null ? 0 : result.elapsed().toNanos() / 1e9;
        return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
    }

}
