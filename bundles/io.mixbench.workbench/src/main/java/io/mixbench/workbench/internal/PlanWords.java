package io.mixbench.workbench.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlannedMove;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** What the Plan view writes and where it proposes to write, apart from SWT so it can be tested without a display. */
final class PlanWords {

    private PlanWords() {
    }

    /** "3 PROBLEM, 2 WARN". */
    static String counts(List<Finding> findings) {
        long problems = findings.stream().filter(f -> f.severity() == Severity.PROBLEM).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARN).count();
        return problems + " PROBLEM, " + warnings + " WARN";
    }

    /** The findings a plan is meant to clear, and a rule that failed: what is still outside after rendering. */
    static List<Finding> outside(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.WARN || f.severity() == Severity.PROBLEM
                || f.severity() == Severity.RULE_ERROR).toList();
    }

    /**
     * A move's amount as a console shows it, with units: "-6.0 dB", "C", "L30", "ride -2.0..+7.5 dB",
     * "mono < 120 Hz"; several actions joined by ", ".
     */
    static String amount(PlannedMove move) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> a = move.fixes().get(0).actions();
        if (!move.ride().isEmpty()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (GainPoint p : move.ride()) {
                min = Math.min(min, p.gainDb());
                max = Math.max(max, p.gainDb());
            }
            parts.add(String.format(Locale.ROOT, "ride %+.1f..%+.1f dB", min, max));
        } else if (a.get(Fix.GAIN_DB) instanceof Number db) {
            parts.add(String.format(Locale.ROOT, "%+.1f dB", db.doubleValue()));
        }
        if (a.get(Fix.PAN_PERCENT) instanceof Number pan) {
            long p = Math.round(pan.doubleValue());
            parts.add(p == 0 ? "C" : (p < 0 ? "L" : "R") + Math.abs(p));
        }
        if (a.get(Fix.BALANCE_DB) instanceof Number db) {
            parts.add(String.format(Locale.ROOT, "balance %+.1f dB", db.doubleValue()));
        }
        if (a.get(Fix.SIDE_HIGH_PASS_HZ) instanceof Number hz) {
            parts.add(String.format(Locale.ROOT, "mono < %.0f Hz", hz.doubleValue()));
        }
        if (a.get(Fix.WIDTH_PERCENT) instanceof Number w) {
            parts.add(String.format(Locale.ROOT, "width %.0f %%", w.doubleValue()));
        }
        if (a.get(Fix.HIGH_PASS_HZ) instanceof Number hz) {
            parts.add(String.format(Locale.ROOT, "HPF %.0f Hz", hz.doubleValue()));
        }
        if (Boolean.TRUE.equals(a.get(Fix.INVERT_POLARITY))) {
            parts.add("polarity");
        }
        return String.join(", ", parts);
    }

    /** "peak -3.1 dBFS, true peak -2.9 dBTP, loudness -14.2 LUFS". */
    static String levels(MeasuredTrack mix) {
        return "peak " + value(mix.scalar(MeasurementIds.SAMPLE_PEAK), "dBFS") + ", true peak "
                + value(mix.scalar(MeasurementIds.TRUE_PEAK), "dBTP") + ", loudness "
                + value(mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS), "LUFS");
    }

    private static String value(OptionalDouble v, String unit) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %s", v.getAsDouble(), unit) : "(none)";
    }

    /** The session's name: its folder's, or its file's without the extension. */
    static String sessionName(Path location) {
        Path name = location.getFileName();
        if (name == null) {
            return "session";
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return Files.isDirectory(location) || dot <= 0 ? n : n.substring(0, dot);
    }

    /**
     * Where to render a session's plan unless the user says otherwise: a new folder "{@code <session name> plan}"
     * beside the session's folder (never inside it: the renderer refuses the folder of the session's own files),
     * numbered " 2", " 3"... when that name is taken.
     */
    static Path renderFolder(Path location) {
        Path beside = besideSession(location);
        String base = sessionName(location) + " plan";
        Path candidate = beside.resolve(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = beside.resolve(base + " " + i);
        }
        return candidate;
    }

    /** The folder the session's folder is in (the session's folder itself at the root of a file system). */
    static Path besideSession(Path location) {
        Path folder = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
        return folder.getParent() != null ? folder.getParent() : folder;
    }

    /** The folder a user typed: a relative name is taken beside the session's folder, as the proposed one is. */
    static Path resolveFolder(Path location, String typed) {
        Path path = Path.of(typed.strip());
        return path.isAbsolute() || location == null ? path.toAbsolutePath() : besideSession(location).resolve(path);
    }

    /** The file name an export proposes: "{@code <session name> plan.<extension>}". */
    static String exportFileName(Path location, PlanFormat format) {
        return sessionName(location) + " plan." + format.extension();
    }
}
