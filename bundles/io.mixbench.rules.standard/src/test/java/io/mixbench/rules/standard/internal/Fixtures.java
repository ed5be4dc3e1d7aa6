package io.mixbench.rules.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.HitPeaks;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.Severity;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Fake measured tracks and a fake rule context for the rule tests: series come from arrays. */
final class Fixtures {

    static final double STEP = 0.1;

    private Fixtures() {
    }

    static List<Rule> allRules() {
        return List.of(new KickLevelRule(), new SnareLevelRule(), new BassUnderKickRule(), new VocalLeadRule(),
                new LowEndCentredRule(), new MixHeadroomRule(), new TruePeakRule(), new GainStagingRule());
    }

    static TrackBuilder track(String name, Role role) {
        return new TrackBuilder(name, role);
    }

    /**
     * A drum stem: one hit every {@code spacing} steps with the given peaks, each followed by two decaying steps;
     * -80 dBFS between hits; active everywhere.
     */
    static TrackBuilder drum(String name, Role role, double[] hitPeaks, int spacing) {
        int n = hitPeaks.length * spacing;
        double[] peaks = new double[n];
        Arrays.fill(peaks, -80);
        for (int h = 0; h < hitPeaks.length; h++) {
            int at = h * spacing + 1;
            peaks[at] = hitPeaks[h];
            peaks[at + 1] = hitPeaks[h] - 6;
            peaks[at + 2] = hitPeaks[h] - 12;
        }
        return track(name, role).series(MeasurementIds.PEAK_SERIES, peaks, Units.DBFS)
                .series(MeasurementIds.ACTIVITY, constant(n, 1), Units.FLAG);
    }

    /** A drum stem of {@code count} hits all at {@code peak}, 5 steps apart. */
    static TrackBuilder drum(String name, Role role, double peak, int count) {
        return drum(name, role, constant(count, peak), 5);
    }

    static double[] constant(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    static final class TrackBuilder {
        private final String name;
        private final Role role;
        private String group;
        private boolean mono;
        private final Map<String, Measurement> measurements = new HashMap<>();

        TrackBuilder(String name, Role role) {
            this.name = name;
            this.role = role;
        }

        TrackBuilder group(String name) {
            this.group = name;
            return this;
        }

        TrackBuilder mono() {
            this.mono = true;
            return this;
        }

        TrackBuilder scalar(String id, double value, String unit) {
            measurements.put(id, Scalar.of(value, unit));
            return this;
        }

        TrackBuilder absent(String id, String unit, String reason) {
            measurements.put(id, Scalar.absent(unit, reason));
            return this;
        }

        TrackBuilder series(String id, double[] values, String unit) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            measurements.put(id, new Series(STEP, floats, unit));
            return this;
        }

        TrackBuilder spectrum(String id, double[] frequenciesHz, double[] values, String unit) {
            measurements.put(id, new io.mixbench.meter.Spectrum(frequenciesHz, values, unit));
            return this;
        }

        MeasuredTrack build() {
            // the levels meter publishes the hits of its peak series beside it
            if (measurements.get(MeasurementIds.PEAK_SERIES) instanceof Series peaks
                    && measurements.get(MeasurementIds.ACTIVITY) instanceof Series activity) {
                measurements.putIfAbsent(MeasurementIds.HIT_PEAK_SERIES, HitPeaks.of(peaks, activity));
            }
            AudioFormat format = new AudioFormat(48000, mono ? ChannelLayout.MONO : ChannelLayout.STEREO, 24,
                    SampleEncoding.PCM_INTEGER, 480000, "WAV PCM 24-bit");
            return new MeasuredTrack(new Track(name, Path.of("/session/" + name + ".wav"), role, group), format, 10.0,
                    measurements, null);
        }
    }

    /** The rules of this bundle, as {@link FakeContext#parameterOf} finds them installed. */
    static final List<Rule> STANDARD_RULES = List.of(new KickLevelRule(), new SnareLevelRule(),
            new BassUnderKickRule(), new VocalLeadRule(), new SupportingLevelRule(), new MixHeadroomRule(),
            new PremasterLoudnessRule(), new LevelOffsetRule(), new GainStagingRule());

    static FakeContext context(Rule rule, MeasuredTrack... tracks) {
        return new FakeContext(rule, ExportKind.STEMS, PanLaw.MINUS_3_DB, List.of(tracks));
    }

    /** A rule context over fixed tracks, with the rule's declared defaults unless overridden. */
    static final class FakeContext implements RuleContext {
        private final Rule rule;
        private final Session session;
        private final List<MeasuredTrack> tracks;
        private final Map<String, Double> overrides = new LinkedHashMap<>();
        private final List<io.mixbench.rule.GroupMeasurement> groups = new java.util.ArrayList<>();
        private final Map<String, Double> peerOverrides = new LinkedHashMap<>();
        private final java.util.Set<String> disabled = new java.util.HashSet<>();

        FakeContext(Rule rule, ExportKind kind, PanLaw panLaw, List<MeasuredTrack> tracks) {
            this.rule = rule;
            this.tracks = List.copyOf(tracks);
            this.session = new Session(Path.of("/session"), tracks.stream().map(MeasuredTrack::track).toList(), kind,
                    panLaw, null, Map.of());
        }

        FakeContext with(String parameterId, double value) {
            parameter(parameterId); // declared?
            overrides.put(parameterId, value);
            return this;
        }

        List<Finding> evaluate() {
            return rule.evaluate(this);
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public List<MeasuredTrack> tracks() {
            return tracks;
        }

        @Override
        public Optional<MeasuredTrack> mix() {
            return tracks.stream().filter(t -> t.track().role() == Role.MIX).findFirst();
        }

        @Override
        public List<MeasuredTrack> withRole(Role role) {
            return tracks.stream().filter(t -> t.track().role() == role).toList();
        }

        @Override
        public List<MeasuredTrack> parts() {
            return tracks.stream().filter(t -> t.track().role().isPart()).toList();
        }

        @Override
        public double parameter(String parameterId) {
            Parameter declared = rule.descriptor().parameter(parameterId)
                    .orElseThrow(() -> new IllegalArgumentException("undeclared parameter " + parameterId));
            return overrides.getOrDefault(parameterId, declared.defaultValue());
        }

        @Override
        public double stereoLoudnessOffsetDb(MeasuredTrack track) {
            return track.isMono() ? session.panLaw().monoToStereoLoudnessOffsetDb() : 0;
        }

        @Override
        public String ruleSetId() {
            return "test";
        }

        private io.mixbench.rule.JudgedDeliverable deliverable = io.mixbench.rule.JudgedDeliverable.PRE_MASTER_BY_DEFAULT;

        /** Judges the mix as this deliverable, guessed. */
        FakeContext judgedAs(io.mixbench.session.Deliverable d) {
            deliverable = new io.mixbench.rule.JudgedDeliverable(d, io.mixbench.rule.JudgedDeliverable.Source.GUESSED,
                    "test");
            return this;
        }

        @Override
        public io.mixbench.rule.JudgedDeliverable deliverable() {
            return deliverable;
        }

        /** Another rule's setting in this context's rule set. */
        FakeContext withPeer(String ruleId, String parameterId, double value) {
            peerOverrides.put(ruleId + "/" + parameterId, value);
            return this;
        }

        /** The rule set disables another rule. */
        FakeContext without(String ruleId) {
            disabled.add(ruleId);
            return this;
        }

        /** Every standard rule is installed and enabled, with its declared defaults unless overridden. */
        @Override
        public OptionalDouble parameterOf(String ruleId, String parameterId) {
            if (disabled.contains(ruleId)) {
                return OptionalDouble.empty();
            }
            Double set = peerOverrides.get(ruleId + "/" + parameterId);
            if (set != null) {
                return OptionalDouble.of(set);
            }
            return STANDARD_RULES.stream().map(Rule::descriptor).filter(d -> d.id().equals(ruleId))
                    .flatMap(d -> d.parameter(parameterId).stream())
                    .mapToDouble(Parameter::defaultValue).findFirst();
        }

        FakeContext withGroup(io.mixbench.rule.GroupMeasurement group) {
            groups.add(group);
            return this;
        }

        @Override
        public List<io.mixbench.rule.GroupMeasurement> groupMeasurements() {
            return List.copyOf(groups);
        }
    }

    /** The only finding of a list, failing otherwise. */
    static Finding only(List<Finding> findings) {
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings);
        }
        return findings.get(0);
    }

    static double gain(Finding finding) {
        if (finding.fix() == null) {
            throw new AssertionError("no fix in " + finding);
        }
        return ((Number) finding.fix().actions().get("gainDb")).doubleValue();
    }

    static List<Finding> ofSeverity(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
