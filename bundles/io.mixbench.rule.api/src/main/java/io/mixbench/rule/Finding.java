package io.mixbench.rule;

import java.util.List;
import java.util.Objects;

/**
 * What a rule reports: what, where, the measured value against its target, and the fix.
 *
 * @param ruleId id of the rule that reported it
 * @param severity how much it matters
 * @param tracks display names of the tracks involved, the one to change first
 * @param message what was found, in one sentence with the figures
 * @param measured the measured value, or null when the finding has none (e.g. a rule error)
 * @param target the range the value should be in, or null
 * @param fix the structured change to make, or null when nothing is to change
 * @param suggestion the fix in words, e.g. "Lower Kick by 4.0 dB.", or null
 * @param timeRanges where in the session it applies; empty for the whole session
 */
public record Finding(String ruleId, Severity severity, List<String> tracks, String message, Value measured,
        Target target, Fix fix, String suggestion, List<TimeRange> timeRanges) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        tracks = List.copyOf(tracks);
        timeRanges = List.copyOf(timeRanges);
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
        private Fix fix;
        private String suggestion;
        private List<TimeRange> timeRanges = List.of();

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
            this.fix = change;
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

        public Finding build() {
            return new Finding(ruleId, severity, tracks, message, measured, target, fix, suggestion, timeRanges);
        }
    }
}
