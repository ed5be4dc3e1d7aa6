package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the text and JSON reports say alike, so both state the same facts in the same words. */
final class ReportSupport {

    /** The key in {@link AnalysisResult#versions()} that holds the tool's own version. */
    static final String TOOL_VERSION_KEY = "mixbench";

    private ReportSupport() {
    }

    /** The tool's version, or "unknown" when the result does not carry one. */
    static String toolVersion(AnalysisResult result) {
        String version = result.versions().get(TOOL_VERSION_KEY);
        return version == null || version.isBlank() ? "unknown" : version;
    }

    /** The result's versions sorted by name, so the report does not depend on map order. */
    static Map<String, String> sortedVersions(AnalysisResult result) {
        return new TreeMap<>(result.versions());
    }

    /**
     * E.g. "Mono parts are compared with stereo parts as if panned centre with a -3.0 dB pan law (+0.0 dB)."; the
     * figure in brackets is what is added to a mono part's loudness.
     */
    static String panLawNote(PanLaw law) {
        return String.format(Locale.ROOT,
                "Mono parts are compared with stereo parts as if panned centre with a %s dB pan law (%s dB).",
                oneDecimal(law.centreGainDb()), signedOneDecimal(law.monoToStereoLoudnessOffsetDb()));
    }

    /**
     * What a report is called: the session folder's name, or the mix's name for a mix checked on its own (the folder
     * of a lone bounce, e.g. Downloads, names nothing).
     */
    static String sessionName(Session session) {
        if (session.parts().isEmpty()) {
            for (Track track : session.tracks()) {
                if (track.role() == Role.MIX) {
                    return track.name();
                }
            }
        }
        Path location = session.location();
        return location == null || location.getFileName() == null ? "session" : location.getFileName().toString();
    }

    /** The mix track of the result, or null: the one track {@link AnalysisResult#mix()} names. */
    static MeasuredTrack mixOf(AnalysisResult result) {
        return result.mix().orElse(null);
    }

    /** The findings per severity, indexed by {@link Severity#ordinal()}. */
    static int[] counts(AnalysisResult result) {
        return counts(result.findings());
    }

    /** The findings per severity, indexed by {@link Severity#ordinal()}. */
    static int[] counts(List<Finding> findings) {
        int[] counts = new int[Severity.values().length];
        for (Finding finding : findings) {
            counts[finding.severity().ordinal()]++;
        }
        return counts;
    }

    /** The PROBLEM and WARN findings among {@code findings}, e.g. "4 PROBLEM, 1 WARN": what a plan clears. */
    static String warnProblemCounts(List<Finding> findings) {
        int[] counts = counts(findings);
        return counts[Severity.PROBLEM.ordinal()] + " PROBLEM, " + counts[Severity.WARN.ordinal()] + " WARN";
    }

    /** A stable lower-case id in the style of the other ids: "pcm-integer", "pcm-float", "lossy". */
    static String encodingId(SampleEncoding encoding) {
        return encoding.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One decimal, never "-0.0". */
    static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return "-0.0".equals(text) ? "0.0" : text;
    }

    /** A value with its unit for people: a whole count as a whole number ("4 count"), else one decimal. */
    static String withUnit(double value, String unit) {
        String number = Units.COUNT.equals(unit) && value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : oneDecimal(value);
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }

    /** One decimal with an explicit sign, e.g. "+0.0", "-4.5". */
    static String signedOneDecimal(double value) {
        String text = oneDecimal(value);
        return text.startsWith("-") ? text : "+" + text;
    }
}
