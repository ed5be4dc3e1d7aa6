package io.mixbench.plan.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.LoudnessSums;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mix of a session that has none, as its parts' sum would measure: the mix the render writes, so that the mix's
 * rules (headroom, true peak, loudness, balance, clipping) take part in the plan. At each 100 ms step its loudness
 * and RMS are the parts' power sum (a mono part at the pan law's centre gain in each channel), its peak their
 * amplitude sum (coherent: the worst case); its integrated loudness is gated from its momentary series as BS.1770
 * gates 400 ms blocks (-70 LUFS absolute, -10 LU relative). What the sum of the parts' measurements does not tell
 * (its stereo image, spectrum, loudness range) it does not have.
 */
final class MixOfParts {

    /** The name of the mix the render writes when the session has none. */
    static final String NAME = "Mix";
    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;

    private final List<MeasuredTrack> parts;
    private final PanLaw panLaw;

    MixOfParts(List<MeasuredTrack> tracks, PanLaw panLaw) {
        this.parts = tracks.stream().filter(t -> t.measured() && t.track().role().isPart()).toList();
        this.panLaw = panLaw;
    }

    /** The mix's predicted measurements, or null when no part has a loudness series to sum. */
    MeasuredTrack measure() {
        Map<String, Measurement> m = new HashMap<>();
        double step = 0.1;
        double[] momentary = powerSum(MeasurementIds.MOMENTARY_SERIES);
        if (momentary == null) {
            return null;
        }
        step = parts.stream().flatMap(p -> p.series(MeasurementIds.MOMENTARY_SERIES).stream()).findFirst()
                .map(Series::stepSeconds).orElse(step);
        m.put(MeasurementIds.MOMENTARY_SERIES, series(step, momentary, Units.LUFS));
        double[] shortTerm = powerSum(MeasurementIds.SHORT_TERM_SERIES);
        if (shortTerm != null) {
            m.put(MeasurementIds.SHORT_TERM_SERIES, series(step, shortTerm, Units.LUFS));
            m.put(MeasurementIds.SHORT_TERM_MAX, Scalar.level(max(shortTerm), Units.LUFS, "silent"));
        }
        m.put(MeasurementIds.MOMENTARY_MAX, Scalar.level(max(momentary), Units.LUFS, "silent"));
        double integrated = gated(momentary);
        m.put(MeasurementIds.INTEGRATED_LOUDNESS, Scalar.level(integrated, Units.LUFS, "silent"));
        double[] rms = powerSum(MeasurementIds.RMS_SERIES);
        if (rms != null) {
            m.put(MeasurementIds.RMS_SERIES, series(step, rms, Units.DBFS));
            m.put(MeasurementIds.RMS, Scalar.level(powerMean(rms), Units.DBFS, "silent"));
        }
        double[] peaks = amplitudeSum();
        double peak = max(peaks);
        m.put(MeasurementIds.PEAK_SERIES, series(step, peaks, Units.DBFS));
        m.put(MeasurementIds.SAMPLE_PEAK, Scalar.level(peak, Units.DBFS, "silent"));
        // inter-sample peaks over the sample peak: the largest any part has
        double over = 0;
        for (MeasuredTrack p : parts) {
            if (p.scalar(MeasurementIds.TRUE_PEAK).isPresent() && p.scalar(MeasurementIds.SAMPLE_PEAK).isPresent()) {
                over = Math.max(over, p.scalar(MeasurementIds.TRUE_PEAK).getAsDouble()
                        - p.scalar(MeasurementIds.SAMPLE_PEAK).getAsDouble());
            }
        }
        m.put(MeasurementIds.TRUE_PEAK, Scalar.level(peak + over, Units.DBTP, "silent"));
        if (Double.isFinite(peak) && Double.isFinite(integrated)) {
            m.put(MeasurementIds.PLR, Scalar.of(peak + over - integrated, Units.LU));
        }
        m.put(MeasurementIds.CLIPPED_RUNS, Scalar.of(0, Units.COUNT));
        m.put(MeasurementIds.OVER_FULL_SCALE_SAMPLES, Scalar.of(0, Units.COUNT));
        m.put(MeasurementIds.INTER_SAMPLE_OVERS, Scalar.of(0, Units.COUNT));
        m.put(MeasurementIds.ACTIVITY, activity(step, momentary.length));
        m.put(MeasurementIds.BALANCE, balance());
        double duration = parts.stream().mapToDouble(MeasuredTrack::durationSeconds).max().orElse(0);
        int rate = parts.get(0).format().sampleRateHz();
        AudioFormat format = new AudioFormat(rate, ChannelLayout.STEREO, 32, SampleEncoding.PCM_FLOAT,
                Math.round(duration * rate), "the parts' sum (predicted)");
        Path file = parts.get(0).track().file().resolveSibling(NAME + ".wav");
        return new MeasuredTrack(new Track(NAME, file, Role.MIX, null), format, duration, m, null);
    }

    private double[] powerSum(String id) {
        List<Series> series = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        for (MeasuredTrack p : parts) {
            p.series(id).ifPresent(s -> {
                series.add(s);
                // loudness sums the channels (a mono part counts twice at the centre gain); RMS averages them
                offsets.add(!p.isMono()
                        ? 0.0
                        : Units.LUFS.equals(s.unit())
                                ? panLaw.monoToStereoLoudnessOffsetDb()
                                : panLaw.centreGainDb());
            });
        }
        return series.isEmpty()
                ? null
                : LoudnessSums.powerSum(series, offsets.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Each step's peak: the parts' peaks added as amplitudes (a mono part at the centre gain), dBFS. */
    private double[] amplitudeSum() {
        int n = 0;
        for (MeasuredTrack p : parts) {
            n = Math.max(n, p.series(MeasurementIds.PEAK_SERIES).map(Series::size).orElse(0));
        }
        double[] sum = new double[n];
        for (MeasuredTrack p : parts) {
            var series = p.series(MeasurementIds.PEAK_SERIES);
            if (series.isEmpty()) {
                continue;
            }
            double offset = p.isMono() ? panLaw.centreGainDb() : 0;
            for (int i = 0; i < series.get().size(); i++) {
                float v = series.get().get(i);
                if (Float.isFinite(v)) {
                    sum[i] += Math.pow(10, (v + offset) / 20);
                }
            }
        }
        double[] db = new double[n];
        for (int i = 0; i < n; i++) {
            db[i] = sum[i] > 0 ? 20 * Math.log10(sum[i]) : Double.NaN;
        }
        return db;
    }

    private Series activity(double step, int n) {
        float[] on = new float[n];
        for (MeasuredTrack p : parts) {
            p.series(MeasurementIds.ACTIVITY).ifPresent(s -> {
                for (int i = 0; i < Math.min(n, s.size()); i++) {
                    if (s.get(i) > 0.5f) {
                        on[i] = 1;
                    }
                }
            });
        }
        return new Series(step, on, Units.FLAG);
    }

    /** Left minus right power of the parts' sum, dB, from each part's RMS and balance. */
    private Measurement balance() {
        double left = 0;
        double right = 0;
        for (MeasuredTrack p : parts) {
            var rms = p.scalar(MeasurementIds.RMS);
            if (rms.isEmpty()) {
                continue;
            }
            double power = Math.pow(10, rms.getAsDouble() / 10);
            if (p.isMono()) {
                double each = power * Math.pow(10, panLaw.centreGainDb() / 10);
                left += each;
                right += each;
            } else {
                double ratio = Math.pow(10, p.scalar(MeasurementIds.BALANCE).orElse(0) / 10);
                left += 2 * power * ratio / (1 + ratio);
                right += 2 * power / (1 + ratio);
            }
        }
        return left > 0 && right > 0
                ? Scalar.of(10 * Math.log10(left / right), Units.DB)
                : Scalar.absent(Units.DB, "the parts have no level");
    }

    /** BS.1770 integrated loudness from 400 ms blocks at 100 ms hops (the momentary series), LUFS. */
    static double gated(double[] momentary) {
        double sum = 0;
        int n = 0;
        for (double v : momentary) {
            if (Double.isFinite(v) && v > ABSOLUTE_GATE_LUFS) {
                sum += Math.pow(10, v / 10);
                n++;
            }
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relative = 10 * Math.log10(sum / n) + RELATIVE_GATE_LU;
        sum = 0;
        n = 0;
        for (double v : momentary) {
            if (Double.isFinite(v) && v > ABSOLUTE_GATE_LUFS && v > relative) {
                sum += Math.pow(10, v / 10);
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / n);
    }

    private static double powerMean(double[] db) {
        double sum = 0;
        int n = 0;
        for (double v : db) {
            if (Double.isFinite(v)) {
                sum += Math.pow(10, v / 10);
                n++;
            }
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / n);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static Series series(double step, double[] values, String unit) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return new Series(step, f, unit);
    }
}
