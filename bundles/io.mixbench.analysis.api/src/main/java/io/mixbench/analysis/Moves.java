package io.mixbench.analysis;

import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups findings by the move they ask for, so a report says each move once. Every report and front end uses this
 * one grouping (through {@link AnalysisResult#moves()}), so they all show the same moves with the same amounts.
 * <p>
 * Findings with a fix (severity INFO, WARN or PROBLEM) are grouped by the tracks their fixes change and the
 * {@link MoveKind} of their first fix (EQ moves also by band, rides by time, width apart from the side signal).
 * Within a group:
 * <ul>
 * <li>every finding asks for the same change: that change and the first finding's suggestion;</li>
 * <li>level moves with different gains: each finding's measured value and target tell the gains that bring the
 * value inside its target, assuming the value moves dB for dB with the gain (levels, loudness, and differences
 * against another part, either way round). Of the findings' own gains, the most severe finding's that lies inside
 * every range is kept; when none does, the middle of the common range (its closed end when it is open on one side).
 * A count above its limit that a cut clears (clipped runs, inter-sample overs) accepts any deeper cut. A finding whose
 * target tells no such range (no target, the value inside it, or its gain outside it, e.g. a raise held back by the
 * peaks) accepts only its own gain. When the ranges do not overlap, the most severe finding's gain
 * is kept and {@link Move#conflict()} says so;</li>
 * <li>high-passes (of the track or its side signal) at different frequencies: the highest; widths: the narrowest
 * (each does at least what every finding asks); other different changes: the most severe finding's, and the
 * conflict says what the others asked.</li>
 * </ul>
 * Moves are ordered most severe first, then by kind ({@link MoveKind}'s order: what to do first), then by their
 * first finding's position.
 *
 * @since 1.2
 */
public final class Moves {

    /** Gains closer than this, dB, are the same gain (fixes are rounded to 0.1 dB). */
    private static final double SAME_DB = 0.05;

    private Moves() {
    }

    /** The moves {@code findings} ask for, most urgent first; OK and RULE ERROR findings ask for none. */
    public static List<Move> of(List<Finding> findings) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.fixes().isEmpty() || finding.severity() == Severity.OK
                    || finding.severity() == Severity.RULE_ERROR) {
                continue;
            }
            groups.computeIfAbsent(key(finding), k -> new ArrayList<>()).add(i);
        }
        List<Move> moves = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            List<Integer> sorted = new ArrayList<>(group);
            // most severe first; the stable sort keeps the list's order among equals
            sorted.sort(Comparator.comparing((Integer i) -> findings.get(i).severity()).reversed());
            moves.add(move(findings, sorted));
        }
        moves.sort(Comparator.comparing(Move::severity).reversed().thenComparing(Move::kind)
                .thenComparingInt(m -> m.findings().get(0)));
        return List.copyOf(moves);
    }

    /** What makes two findings ask for the same move: the tracks changed, the kind and, for some kinds, more. */
    private static List<Object> key(Finding finding) {
        List<Object> key = new ArrayList<>();
        for (Fix fix : finding.fixes()) {
            key.add(fix.track());
        }
        Fix first = finding.fixes().get(0);
        MoveKind kind = MoveKind.of(first);
        key.add(kind);
        Map<String, Object> actions = first.actions();
        switch (kind) {
            case EQ -> key.add(actions.containsKey(Fix.EQ_BAND)
                    ? "band:" + actions.get(Fix.EQ_BAND)
                    : actions.containsKey(Fix.HIGH_PASS_HZ) ? "high-pass" : "eq");
            // every fader together is another move than the master fader of the mix the fix names
            case LEVEL -> key.add(Boolean.TRUE.equals(actions.get(Fix.ALL_PARTS)) ? "all-parts" : "track");
            case RIDE -> key.add(actions.get(Fix.START_SECONDS) + ".." + actions.get(Fix.END_SECONDS));
            case STEREO -> key.add(actions.containsKey(Fix.WIDTH_PERCENT) ? "width" : "side");
            case OTHER -> key.add(new TreeSet<>(actions.keySet()));
            default -> {
            }
        }
        return key;
    }

    private static Move move(List<Finding> all, List<Integer> indices) {
        List<Finding> findings = indices.stream().map(all::get).toList();
        Finding first = findings.get(0);
        MoveKind kind = MoveKind.of(first.fix());
        Set<String> rules = new LinkedHashSet<>();
        for (Finding finding : findings) {
            rules.add(finding.ruleId());
        }
        List<String> ruleIds = List.copyOf(rules);
        boolean gains = kind == MoveKind.LEVEL
                && findings.stream().allMatch(f -> f.fixes().size() == 1 && gainOf(f.fix()) != null);
        if (findings.stream().allMatch(f -> f.fixes().equals(first.fixes()))) {
            Target window = gains ? common(findings, findings.size() > 1) : null;
            return new Move(kind, first.severity(), first.fixes(), indices, ruleIds, sentence(first), window, null);
        }
        if (gains) {
            return gainMove(findings, indices, ruleIds);
        }
        Fix merged = mergeFilters(findings);
        if (merged != null) {
            String message = describe(List.of(merged)) + ": that does what every finding asks ("
                    + asked(findings) + ").";
            return new Move(kind, first.severity(), List.of(merged), indices, ruleIds, message, null, null);
        }
        String conflict = "The findings ask for different changes (" + asked(findings)
                + "); the most severe finding's is given.";
        return new Move(kind, first.severity(), first.fixes(), indices, ruleIds, sentence(first), null, conflict);
    }

    /** Level findings that ask for different gains of one track: the gain inside every finding's range. */
    private static Move gainMove(List<Finding> findings, List<Integer> indices, List<String> rules) {
        Finding first = findings.get(0);
        Target window = common(findings, true);
        String track = first.fix().track();
        if (window == null) {
            StringBuilder ranges = new StringBuilder();
            for (Finding finding : findings) {
                if (ranges.length() > 0) {
                    ranges.append(", ");
                }
                ranges.append(finding.ruleId()).append(" asks ").append(signed(gainOf(finding.fix())))
                        .append(" dB (").append(describeWindow(windowOf(finding))).append(')');
            }
            String conflict = "No one gain of " + track + " satisfies every finding: " + ranges + "; the most severe"
                    + " finding's " + signed(gainOf(first.fix())) + " dB is given.";
            return new Move(MoveKind.LEVEL, first.severity(), first.fixes(), indices, rules, conflict, null,
                    conflict);
        }
        double chosen = Double.NaN;
        for (Finding finding : findings) {
            double gain = gainOf(finding.fix());
            if (inside(window, gain)) {
                chosen = gain;
                break;
            }
        }
        if (Double.isNaN(chosen)) {
            if (!Double.isNaN(window.min()) && !Double.isNaN(window.max())) {
                chosen = Math.round((window.min() + window.max()) / 2 * 10) / 10.0;
            } else if (!Double.isNaN(window.min())) {
                chosen = Math.ceil(window.min() * 10 - 1e-9) / 10.0;
            } else {
                chosen = Math.floor(window.max() * 10 + 1e-9) / 10.0;
            }
        }
        Fix fix = first.fix().and(Fix.GAIN_DB, chosen);
        // A limiter one finding needs on a raise stays: the lowest ceiling asked for.
        for (Finding finding : findings) {
            if (finding.fix().actions().get(Fix.TRUE_PEAK_LIMIT_DBTP) instanceof Number limit
                    && !(fix.actions().get(Fix.TRUE_PEAK_LIMIT_DBTP) instanceof Number kept
                            && kept.doubleValue() <= limit.doubleValue())) {
                fix = fix.and(Fix.TRUE_PEAK_LIMIT_DBTP, limit.doubleValue());
            }
        }
        StringBuilder ranges = new StringBuilder();
        for (Finding finding : findings) {
            if (ranges.length() > 0) {
                ranges.append(", ");
            }
            ranges.append(finding.ruleId()).append(' ').append(describeWindow(windowOf(finding)));
        }
        String message = describe(List.of(fix)) + ": the gain every finding accepts (" + ranges + ").";
        return new Move(MoveKind.LEVEL, first.severity(), List.of(fix), indices, rules, message, window, null);
    }

    /** The gains every finding accepts, or null when they do not overlap (or, unless {@code points}, not known). */
    private static Target common(List<Finding> findings, boolean points) {
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        for (Finding finding : findings) {
            Target window = windowOf(finding);
            if (window == null) {
                if (!points) {
                    return null;
                }
                double gain = gainOf(finding.fix());
                window = new Target(gain, gain, Units.DB);
            }
            if (!Double.isNaN(window.min())) {
                min = Math.max(min, window.min());
            }
            if (!Double.isNaN(window.max())) {
                max = Math.min(max, window.max());
            }
        }
        if (min > max + SAME_DB) {
            return null;
        }
        return new Target(Double.isInfinite(min) ? Double.NaN : min, Double.isInfinite(max) ? Double.NaN : max,
                Units.DB);
    }

    /**
     * The gains, dB, that bring the finding's measured value inside its target, if the value moves dB for dB with the
     * gain in the direction the finding's own gain shows; null when that cannot be told or the finding's own gain is
     * not among them.
     */
    static Target windowOf(Finding finding) {
        Value measured = finding.measured();
        Target target = finding.target();
        Double gain = finding.fixes().size() == 1 ? gainOf(finding.fix()) : null;
        if (gain == null || measured == null || target == null || target.contains(measured.value()) || gain == 0) {
            return null;
        }
        if (!levelUnit(measured.unit()) || !levelUnit(target.unit())) {
            // Too many of something a cut removes (clipped runs, overs above a ceiling): any deeper cut removes them too.
            boolean tooMany = Double.isNaN(target.min()) && measured.value() > target.max();
            return tooMany && gain < 0 ? new Target(Double.NaN, gain, Units.DB) : null;
        }
        double excess = target.excess(measured.value());
        // +1: the value rises with the gain (the finding's own track); -1: it falls (the other part of a difference)
        int sign = (excess > 0) == (gain < 0) ? 1 : -1;
        double low = (target.min() - measured.value()) * sign;
        double high = (target.max() - measured.value()) * sign;
        Target window = sign > 0 ? new Target(low, high, Units.DB) : new Target(high, low, Units.DB);
        return inside(window, gain) ? window : null;
    }

    private static boolean inside(Target window, double gain) {
        return (Double.isNaN(window.min()) || gain >= window.min() - SAME_DB)
                && (Double.isNaN(window.max()) || gain <= window.max() + SAME_DB);
    }

    private static boolean levelUnit(String unit) {
        return Units.DB.equals(unit) || Units.DBFS.equals(unit) || Units.DBTP.equals(unit)
                || Units.LUFS.equals(unit) || Units.LU.equals(unit);
    }

    /** A static gain fix's gain, dB; null for anything else. */
    private static Double gainOf(Fix fix) {
        Map<String, Object> actions = fix.actions();
        if (!(actions.get(Fix.GAIN_DB) instanceof Number gain) || actions.containsKey(Fix.START_SECONDS)
                || actions.containsKey(Fix.END_SECONDS)) {
            return null;
        }
        return gain.doubleValue();
    }

    /** High-passes at different frequencies: the highest; widths: the narrowest. Null for anything else. */
    private static Fix mergeFilters(List<Finding> findings) {
        Fix merged = null;
        for (Finding finding : findings) {
            if (finding.fixes().size() != 1 || finding.fix().actions().size() != 1) {
                return null;
            }
            Map.Entry<String, Object> action = finding.fix().actions().entrySet().iterator().next();
            String key = action.getKey();
            if (!(action.getValue() instanceof Number value) || !(Fix.HIGH_PASS_HZ.equals(key)
                    || Fix.SIDE_HIGH_PASS_HZ.equals(key) || Fix.WIDTH_PERCENT.equals(key))) {
                return null;
            }
            if (merged == null) {
                merged = finding.fix();
                continue;
            }
            if (!(merged.actions().get(key) instanceof Number kept)) {
                return null;
            }
            boolean stronger = Fix.WIDTH_PERCENT.equals(key)
                    ? value.doubleValue() < kept.doubleValue()
                    : value.doubleValue() > kept.doubleValue();
            if (stronger) {
                merged = finding.fix();
            }
        }
        return merged;
    }

    /** E.g. "lowEnd.centred: pan Bass to the centre; mono.compatibility: high-pass the side of Bass below 120 Hz". */
    private static String asked(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding finding : findings) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            String text = describe(finding.fixes());
            sb.append(finding.ruleId()).append(": ").append(Character.toLowerCase(text.charAt(0)))
                    .append(text.substring(1));
        }
        return sb.toString();
    }

    private static String sentence(Finding finding) {
        String suggestion = finding.suggestion();
        return suggestion == null || suggestion.isBlank() ? describe(finding.fixes()) + "." : suggestion.strip();
    }

    private static String describeWindow(Target window) {
        return window == null ? "its own gain only" : window.describe();
    }

    /**
     * The fixes in a few words, joined by "; ", e.g. "Lower Kick by 6.0 dB", "Pan Bass to the centre", "High-pass
     * the side of Keys below 150 Hz". Actions this class does not know are listed as they are.
     */
    public static String describe(List<Fix> fixes) {
        List<String> parts = new ArrayList<>();
        for (Fix fix : fixes) {
            parts.add(describe(fix));
        }
        return String.join("; ", parts);
    }

    private static String describe(Fix fix) {
        Map<String, Object> a = new LinkedHashMap<>(fix.actions());
        String t = fix.track();
        List<String> said = new ArrayList<>();
        if (a.remove(Fix.REMOVE_FROM_SESSION) instanceof Boolean remove && remove) {
            said.add("Remove " + t + " from the session (or export it again)");
        }
        if (a.remove(Fix.BYPASS_BUS_PROCESSING) instanceof Boolean bypass && bypass) {
            said.add("Bypass the bus processing on " + t);
        }
        if (a.remove(Fix.INVERT_POLARITY) instanceof Boolean invert && invert) {
            said.add("Invert the polarity of " + t);
        }
        if (a.remove(Fix.MONO_COMPATIBLE) instanceof Boolean mono && mono) {
            said.add("Make " + t + " mono-compatible");
        }
        if (a.remove(Fix.DELAY_MS) instanceof Number delay) {
            said.add((delay.doubleValue() < 0 ? "Advance " : "Delay ") + t + " by " + one(Math.abs(delay.doubleValue()))
                    + " ms");
        }
        Object start = a.remove(Fix.START_SECONDS);
        Object end = a.remove(Fix.END_SECONDS);
        boolean allParts = Boolean.TRUE.equals(a.remove(Fix.ALL_PARTS));
        if (a.remove(Fix.GAIN_DB) instanceof Number gain) {
            double db = gain.doubleValue();
            String text = (db < 0 ? "Lower " : "Raise ") + (allParts ? "every part of " + t + " together" : t)
                    + " by " + one(Math.abs(db)) + " dB";
            if (start instanceof Number from && end instanceof Number to) {
                text += " from " + clock(from.doubleValue()) + " to " + clock(to.doubleValue());
            }
            if (a.remove(Fix.TRUE_PEAK_LIMIT_DBTP) instanceof Number limit) {
                text += ", with a true-peak limiter at " + one(limit.doubleValue()) + " dBTP";
            }
            said.add(text);
        }
        if (a.remove(Fix.PAN_PERCENT) instanceof Number pan) {
            double p = pan.doubleValue();
            said.add("Pan " + t + (Math.abs(p) < 0.5
                    ? " to the centre"
                    : " to " + percent(Math.abs(p)) + " % " + (p < 0 ? "left" : "right")));
        }
        if (a.remove(Fix.BALANCE_DB) instanceof Number balance) {
            double db = balance.doubleValue();
            said.add("Shift the balance of " + t + " " + one(Math.abs(db)) + " dB towards the "
                    + (db < 0 ? "right" : "left"));
        }
        String filter = filter(a);
        if (a.remove(Fix.SIDE_HIGH_PASS_HZ) instanceof Number hz) {
            said.add("High-pass the side of " + t + " below " + percent(hz.doubleValue()) + " Hz" + filter);
        }
        if (a.remove(Fix.WIDTH_PERCENT) instanceof Number width) {
            said.add(width.doubleValue() == 0
                    ? "Make " + t + " mono"
                    : "Narrow " + t + " to " + percent(width.doubleValue()) + " % width");
        }
        Object band = a.remove(Fix.EQ_BAND);
        Object frequency = a.remove(Fix.EQ_FREQUENCY_HZ);
        if (a.remove(Fix.EQ_GAIN_DB) instanceof Number eq) {
            double db = eq.doubleValue();
            String where = frequency instanceof Number hz
                    ? " around " + around(hz.doubleValue()) + " Hz"
                    : band == null ? "" : " in the " + band + " band";
            String q = a.remove(Fix.EQ_Q) instanceof Number width ? ", Q " + two(width.doubleValue()) : "";
            said.add((db < 0 ? "Cut " : "Boost ") + one(Math.abs(db)) + " dB" + where + " on " + t + q);
        } else if (band != null) {
            a.put(Fix.EQ_BAND, band);
        }
        if (a.remove(Fix.HIGH_PASS_HZ) instanceof Number hz) {
            said.add("High-pass " + t + " below " + percent(hz.doubleValue()) + " Hz" + filter);
        }
        if (a.remove(Fix.TRUE_PEAK_LIMIT_DBTP) instanceof Number limit) {
            said.add("Limit the true peak of " + t + " to " + one(limit.doubleValue()) + " dBTP");
        }
        if (!a.isEmpty()) {
            StringBuilder rest = new StringBuilder(said.isEmpty() ? "Change " + t + ": " : "");
            for (Map.Entry<String, Object> e : a.entrySet()) {
                if (rest.length() > 0 && !rest.toString().endsWith(": ")) {
                    rest.append(", ");
                }
                rest.append(e.getKey()).append(' ').append(Objects.toString(e.getValue()));
            }
            said.add(rest.toString());
        }
        if (said.isEmpty()) {
            said.add("Change " + t);
        }
        String text = String.join(", ", said);
        return text;
    }

    /** ", 24 dB/octave Linkwitz-Riley" from a high-pass's slope and type (taken out of the actions), else "". */
    private static String filter(Map<String, Object> actions) {
        Object slope = actions.remove(Fix.FILTER_SLOPE_DB_PER_OCTAVE);
        Object type = actions.remove(Fix.FILTER_TYPE);
        String text = slope instanceof Number db ? ", " + percent(db.doubleValue()) + " dB/octave" : "";
        if (Fix.FILTER_LINKWITZ_RILEY.equals(type)) {
            text += text.isEmpty() ? ", Linkwitz-Riley" : " Linkwitz-Riley";
        } else if (Fix.FILTER_BUTTERWORTH.equals(type)) {
            text += text.isEmpty() ? ", Butterworth" : " Butterworth";
        } else if (type != null) {
            text += (text.isEmpty() ? ", " : " ") + type;
        }
        return text;
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String one(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return "-0.0".equals(text) ? "0.0" : text;
    }

    private static String signed(double value) {
        String text = one(value);
        return text.startsWith("-") ? text : "+" + text;
    }

    /** A whole number when the value is one, else one decimal. */
    private static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : one(value);
    }

    /** A broad EQ's centre to two significant figures, as an engineer would dial it: 122.5 Hz is "120". */
    private static String around(double hz) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            return one(hz);
        }
        return new BigDecimal(hz).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** Minutes and seconds to a tenth, e.g. "1:02.5". */
    private static String clock(double seconds) {
        long tenths = Math.round(Math.max(0, seconds) * 10);
        return String.format(Locale.ROOT, "%d:%04.1f", tenths / 600, (tenths % 600) / 10.0);
    }
}
