package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rule.TonalTarget;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whole-session results built in code with every measurement the HTML report draws: 100 ms series, activity,
 * spectra, stereo values, level findings with time ranges, the streaming rule's findings, references or a genre tilt.
 */
final class SessionFixtures {

    /** The rule ids the generated findings carry: the standard rules'; reports go by tags, not by these. */
    static final String STREAMING_RULE = "streaming.preview";
    static final String TONAL_RULE = "tonal.balance";

    static final double[] THIRD_OCTAVE_HZ = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500,
            630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};
    /** Geometric centres of the tonal bands sub .. air, Hz. */
    static final double[] TONAL_HZ = {Math.sqrt(20 * 60), Math.sqrt(60 * 250), Math.sqrt(250 * 500),
            Math.sqrt(500 * 2000), Math.sqrt(2000 * 4000), Math.sqrt(4000 * 10000), Math.sqrt(10000 * 20000)};
    static final String[] PLATFORMS = {"Spotify", "Apple Music", "YouTube", "Tidal", "Amazon Music", "Deezer"};
    static final double[] PLATFORM_LUFS = {-14, -16, -14, -14, -14, -15};
    static final double MIX_LUFS = -10;
    private static final Role[] ROLES = {Role.KICK, Role.SNARE, Role.BASS, Role.LEAD_VOCAL, Role.GUITAR, Role.KEYS,
            Role.PAD, Role.BACKING_VOCALS, Role.TOMS, Role.OVERHEADS_ROOM, Role.SYNTH, Role.PERCUSSION};

    /** What a generated session has. */
    record Options(int stems, double seconds, boolean mix, int references, boolean tilt, boolean streaming) {
    }

    private SessionFixtures() {
    }

    static AnalysisResult session(Options o) {
        Random random = new Random(7);
        Path root = Path.of("/sessions/Generated");
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < o.stems(); i++) {
            Role role = ROLES[i % ROLES.length];
            tracks.add(new Track(role.displayName() + " " + (i + 1), root.resolve(String.format("%02d.wav", i + 1)),
                    role, null));
        }
        if (o.mix()) {
            tracks.add(new Track("Mix", root.resolve("Mix.wav"), Role.MIX, null));
        }
        for (int i = 0; i < o.references(); i++) {
            tracks.add(new Track("Reference " + (i + 1), root.resolve("ref" + (i + 1) + ".wav"), Role.REFERENCE,
                    null));
        }
        Session session = new Session(root, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        AudioFormat stereo = new AudioFormat(48000, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER,
                (long) (o.seconds() * 48000), "WAV PCM 24-bit");
        int steps = (int) Math.round(o.seconds() * 10);

        List<MeasuredTrack> measured = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            double level = track.role() == Role.MIX ? MIX_LUFS : -20 - random.nextDouble() * 12;
            Map<String, Measurement> m = new HashMap<>();
            m.put(MeasurementIds.SAMPLE_PEAK, Scalar.of(level + 10, Units.DBFS));
            m.put(MeasurementIds.TRUE_PEAK, Scalar.of(level + 10.3, Units.DBTP));
            m.put(MeasurementIds.RMS, Scalar.of(level + 2, Units.DBFS));
            m.put(MeasurementIds.INTEGRATED_LOUDNESS, Scalar.of(level, Units.LUFS));
            m.put(MeasurementIds.BALANCE, Scalar.of(random.nextGaussian(), Units.DB));
            m.put(MeasurementIds.LOW_END_PAN, Scalar.of(random.nextGaussian() * 20, Units.PERCENT));
            m.put(MeasurementIds.LOW_END_SIDE, Scalar.of(-20 - random.nextDouble() * 20, Units.DB));
            m.put(ReportIds.CORRELATION, Scalar.of(0.2 + random.nextDouble() * 0.8, Units.RATIO));
            m.put(ReportIds.WIDTH, Scalar.of(-6 - random.nextDouble() * 10, Units.DB));
            m.put(ReportIds.MONO_SUM_LOSS, Scalar.of(-random.nextDouble() * 3, Units.DB));
            float[] momentary = new float[steps];
            float[] shortTerm = new float[steps];
            float[] activity = new float[steps];
            for (int i = 0; i < steps; i++) {
                double phrase = Math.sin(i / 40.0 + t) * 4;
                boolean active = track.role() != Role.LEAD_VOCAL || (i / 80) % 3 != 2;
                momentary[i] = active ? (float) (level + phrase + random.nextGaussian()) : Float.NaN;
                shortTerm[i] = active ? (float) (level + phrase) : Float.NaN;
                activity[i] = active ? 1 : 0;
            }
            m.put(MeasurementIds.MOMENTARY_SERIES, new Series(0.1, momentary, Units.LUFS));
            m.put(MeasurementIds.SHORT_TERM_SERIES, new Series(0.1, shortTerm, Units.LUFS));
            m.put(MeasurementIds.ACTIVITY, new Series(0.1, activity, Units.FLAG));
            m.put(MeasurementIds.PEAK_SERIES, new Series(0.1, momentary, Units.DBFS));
            double[] third = new double[THIRD_OCTAVE_HZ.length];
            for (int i = 0; i < third.length; i++) {
                // Pink-ish: falling 3 dB per octave above 100 Hz, a little noise per band.
                third[i] = level - 10 - 10 * Math.log10(Math.max(1, THIRD_OCTAVE_HZ[i] / 100)) * 1.0
                        + random.nextGaussian();
            }
            m.put(ReportIds.THIRD_OCTAVE, new Spectrum(THIRD_OCTAVE_HZ, third, Units.DBFS));
            double[] tonal = new double[TONAL_HZ.length];
            for (int i = 0; i < tonal.length; i++) {
                tonal[i] = level - 2 * Math.abs(i - 2) + random.nextGaussian();
            }
            m.put(ReportIds.TONAL_BALANCE, new Spectrum(TONAL_HZ, tonal, Units.DBFS));
            measured.add(new MeasuredTrack(track, stereo, o.seconds(), m, null));

            if (track.role().isPart()) {
                double peak = level + 10;
                Target target = Target.between(-12, -10, Units.DBFS);
                Severity severity = target.contains(peak)
                        ? Severity.OK
                        : Math.abs(target.excess(peak)) >= 3 ? Severity.PROBLEM : Severity.WARN;
                Finding.Builder b = Finding.of(track.role().id() + ".level", severity).tracks(track.name())
                        .message(track.name() + " peaks at " + ReportSupport.oneDecimal(peak) + " dBFS.")
                        .measured(peak, Units.DBFS, "hit peak, 95th percentile").target(target);
                if (severity != Severity.OK) {
                    double gain = target.centre() - peak;
                    b.fix(Fix.gain(track.name(), gain), "Change " + track.name() + " by "
                            + ReportSupport.signedOneDecimal(gain) + " dB.");
                    List<TimeRange> ranges = new ArrayList<>();
                    for (int k = 0; k < 12; k++) {
                        double start = o.seconds() * k / 12;
                        ranges.add(new TimeRange(start, start + Math.min(4, o.seconds() / 24)));
                    }
                    b.timeRanges(ranges);
                }
                findings.add(b.build());
            }
        }
        List<AppliedRule> rules = new ArrayList<>();
        if (o.streaming() && o.mix()) {
            for (int i = 0; i < PLATFORMS.length; i++) {
                double gain = PLATFORM_LUFS[i] - MIX_LUFS;
                findings.add(Finding.of(STREAMING_RULE, i == 3 ? Severity.WARN : Severity.INFO)
                        .tag(Finding.STREAMING_ROW).tracks("Mix")
                        .message(PLATFORMS[i] + " plays the mix " + ReportSupport.oneDecimal(gain)
                                + " dB quieter.")
                        .measured(gain, Units.DB, PLATFORMS[i]).build());
            }
            rules.add(new AppliedRule(STREAMING_RULE, "Streaming preview", "io.mixbench.rules.standard",
                    "0.1.0", Map.of("spotifyLufs", -14.0), "applied"));
        }
        if (o.tilt()) {
            Map<String, Double> parameters = new LinkedHashMap<>();
            parameters.put("subDb", -4.0);
            parameters.put("lowDb", 2.0);
            parameters.put("lowMidDb", 1.0);
            parameters.put("highMidDb", -2.0);
            parameters.put("highDb", -5.0);
            parameters.put("airDb", -10.0);
            parameters.put("toleranceDb", 2.0);
            parameters.put("warnMarginDb", 1.0);
            rules.add(new AppliedRule(TONAL_RULE, "Tonal balance", "io.mixbench.rules.standard", "0.1.0",
                    parameters, "applied"));
            // the tonal rule declares its tilt on its finding, relative to the mid band
            double[] tilt = {-4, 2, 1, 0, -2, -5, -10};
            findings.add(Finding.of(TONAL_RULE, Severity.OK).tracks("Mix")
                    .message("In every band, Mix's tonal balance is within ±2.0 dB of the genre tilt.")
                    .tonalTarget(TonalTarget.tilt(tilt, 2)).build());
        }
        findings.sort((a, b) -> b.severity().compareTo(a.severity()));
        RuleSet ruleSet = new RuleSet("default", "Default", "", null, Map.of(), "bundle:x");
        return new AnalysisResult(session, ruleSet, measured, rules, findings, Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMillis(1500), Map.of("mixbench", "0.1.0"));
    }
}
