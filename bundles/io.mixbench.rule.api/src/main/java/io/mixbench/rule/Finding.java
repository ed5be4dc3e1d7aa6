package io.mixbench.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule reports: what, where, the measured value against its target, and the fix. A change that several
 * tracks share (a ride of kick and bass together) is one fix per track, in {@link #fixes()}.
 *
 * @param ruleId id of the rule that reported it
 * @param severity how much it matters
 * @param tracks display names of the tracks involved, the one to change first
 * @param message what was found, in one sentence with the figures
 * @param measured the measured value, or null when the finding has none (e.g. a rule error)
 * @param target the range the value should be in, or null
 * @param fix the structured change to make, or null when nothing is to change; the first of {@code fixes}
 * @param suggestion the fix in words, e.g. "Lower Kick by 4.0 dB.", or null
 * @param timeRanges where in the session it applies; empty for the whole session
 * @param fixes every structured change the finding asks for, in the order to make them; empty when nothing is to
 *        change. Either of {@code fix} and {@code fixes} may be given for the other (null or empty); given both,
 *        {@code fix} must be the first of {@code fixes}. Since 1.1.
 * @param tags what a report may lay out from the finding beside the list of findings, e.g. {@link #STREAMING_ROW};
 *        empty for none. Since 1.3.
 * @param tonalTarget the genre tilt the finding judges a tonal balance against, which a report may draw as the tonal
 *        target; null for none. Since 1.3.
 */
public record Finding(String ruleId, Severity severity, List<String> tracks, String message, Value measured,
        Target target, Fix fix, String suggestion, List<TimeRange> timeRanges, List<Fix> fixes, List<String> tags,
        TonalTarget tonalTarget) {

    /**
     * Tag: the finding is one row of a streaming-platform preview. {@code measured.measure} names the platform,
     * {@code measured.value} is the gain the platform applies (dB), and {@code target}'s upper end, when there is one,
     * the most gain that keeps the true peak at the platform's ceiling. Reports gather every finding with this tag
     * and a measured value into one table, whichever rule gave it. Since 1.3.
     */
    public static final String STREAMING_ROW = "streamingRow";

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        tracks = List.copyOf(tracks);
        timeRanges = List.copyOf(timeRanges);
        tags = tags == null ? List.of() : List.copyOf(tags);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        if (fixes.isEmpty()) {
            fixes = fix == null ? List.of() : List.of(fix);
        } else if (fix == null) {
            fix = fixes.get(0);
        } else if (!fix.equals(fixes.get(0))) {
            throw new IllegalArgumentException("the fix must be the first of the fixes");
        }
    }

    /** A finding without tags or tonal target, as in rule API 1.1. */
    public Finding(String ruleId, Severity severity, List<String> tracks, String message, Value measured,
            Target target, Fix fix, String suggestion, List<TimeRange> timeRanges, List<Fix> fixes) {
        this(ruleId, severity, tracks, message, measured, target, fix, suggestion, timeRanges, fixes, List.of(), null);
    }

    /** A finding with at most one fix, as in rule API 1.0. */
    public Finding(String ruleId, Severity severity, List<String> tracks, String message, Value measured,
            Target target, Fix fix, String suggestion, List<TimeRange> timeRanges) {
        this(ruleId, severity, tracks, message, measured, target, fix, suggestion, timeRanges, List.of());
    }

    /** Whether the finding carries the tag, e.g. {@link #STREAMING_ROW}. Since 1.3. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public static Builder of(String ruleId, Severity severity) {
        return new Builder(ruleId, severity);
    }

    /** Builds a finding; only rule id, severity and message are required. */
    public static final class Builder {
        private final String ruleId;
        private final Severity severity;
        private List<String> tracks = List.of();
        private String message;
        private Value measured;
        private Target target;
        private List<Fix> fixes = List.of();
        private String suggestion;
        private List<TimeRange> timeRanges = List.of();
        private final List<String> tags = new ArrayList<>();
        private TonalTarget tonalTarget;

        private Builder(String ruleId, Severity severity) {
            this.ruleId = ruleId;
            this.severity = severity;
        }

        public Builder tracks(String... names) {
            this.tracks = List.of(names);
            return this;
        }

        public Builder tracks(List<String> names) {
            this.tracks = List.copyOf(names);
            return this;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        public Builder measured(double value, String unit, String measure) {
            this.measured = new Value(value, unit, measure);
            return this;
        }

        public Builder target(Target range) {
            this.target = range;
            return this;
        }

        public Builder fix(Fix change, String sentence) {
            this.fixes = change == null ? List.of() : List.of(change);
            this.suggestion = sentence;
            return this;
        }

        /**
         * Several changes, e.g. one per track of a section that moves together, and the sentence that says them all.
         *
         * @since 1.1
         */
        public Builder fixes(List<Fix> changes, String sentence) {
            this.fixes = List.copyOf(changes);
            this.suggestion = sentence;
            return this;
        }

        public Builder suggestion(String sentence) {
            this.suggestion = sentence;
            return this;
        }

        public Builder timeRanges(List<TimeRange> ranges) {
            this.timeRanges = List.copyOf(ranges);
            return this;
        }

        /**
         * Adds a tag saying what a report may lay out from the finding, e.g. {@link Finding#STREAMING_ROW}.
         *
         * @since 1.3
         */
        public Builder tag(String tag) {
            if (!tags.contains(tag)) {
                tags.add(Objects.requireNonNull(tag, "tag"));
            }
            return this;
        }

        /**
         * The genre tilt the finding judges a tonal balance against.
         *
         * @since 1.3
         */
        public Builder tonalTarget(TonalTarget tilt) {
            this.tonalTarget = tilt;
            return this;
        }

        public Finding build() {
            return new Finding(ruleId, severity, tracks, message, measured, target, null, suggestion, timeRanges,
                    fixes, tags, tonalTarget);
        }
    }
}
