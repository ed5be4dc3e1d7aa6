package io.mixbench.plan.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.TrackChanges;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the meters would read after a plan's moves, from what they read before: no audio is decoded.
 * <p>
 * A part's measurements shift with its gain by their unit: levels (dBFS, dBTP, LUFS) move dB for dB; differences and
 * shapes (dB, LU, %, ratio, counts) stay. A ride moves each step of a series by the ride's gain there; a scalar
 * level moves by the ride's power-weighted mean (loudness, RMS) or by how the loudest step moves (peaks). A part
 * brought to the centre (pan, width 0) or made mono below its crossover reads centred there.
 * <p>
 * The mix is the sum of the parts: at each step its energy series move by how the parts' energies at that step move
 * (their power sum, the mix's own measurement scaled by it, so what the parts' sum does not explain stays), its peaks
 * by how the parts' amplitudes move (coherently: the worst case), and its level scalars by how its series move. Its
 * balance is the parts' channel powers summed. What no sum of scalars tells (the mix's correlation, width and low
 * end after a part's stereo changes) is predicted absent, to be measured on the rendered mix; cross-track
 * measurements of the mix (null test, bus processing) are dropped, because the rendered mix is the exact sum of its
 * stems. A session without a mix gets one: the rendered session has it, so the mix's rules take part in the plan
 * ({@link MixOfParts}).
 */
final class Prediction {

    /** Measurements of a part that read centred once the part is centred, with the value they then read. */
    private static final Map<String, Double> CENTRED = Map.of(MeasurementIds.PAN, 0.0, MeasurementIds.BALANCE, 0.0,
            MeasurementIds.LOW_END_PAN, 0.0, MeasurementIds.LOW_END_BALANCE, 0.0,
            MeasurementIds.LOW_END_CORRELATION, 1.0, MeasurementIds.CORRELATION, 1.0, MeasurementIds.MONO_SUM_LOSS,
            0.0);
    /** Low-end measurements that read centred once the side below the crossover is removed. */
    private static final Set<String> LOW_END = Set.of(MeasurementIds.LOW_END_PAN, MeasurementIds.LOW_END_BALANCE,
            MeasurementIds.LOW_END_CORRELATION);
    /** The mix's stereo measurements no sum of the parts' scalars predicts once a part's image changes. */
    private static final Set<String> MIX_STEREO = Set.of(MeasurementIds.CORRELATION, MeasurementIds.WIDTH,
            MeasurementIds.MONO_SUM_LOSS, MeasurementIds.LOW_END_PAN, MeasurementIds.LOW_END_SIDE,
            MeasurementIds.LOW_END_BALANCE, MeasurementIds.LOW_END_CORRELATION, MeasurementIds.CORRELATION_SERIES,
            MeasurementIds.OCTAVE_CORRELATION, MeasurementIds.OCTAVE_MONO_SUM_LOSS, MeasurementIds.PAN);
    private static final String PREDICTED_ABSENT = "not predicted: a part's stereo image changes, so the mix's is "
            + "measured when the plan is rendered";

    private final List<MeasuredTrack> tracks;
    private final List<GroupMeasurement> groups;
    private final PanLaw panLaw;

    Prediction(List<MeasuredTrack> tracks, List<GroupMeasurement> groups, PanLaw panLaw) {
        this.panLaw = panLaw;
        this.groups = List.copyOf(groups);
        List<MeasuredTrack> all = new ArrayList<>(tracks);
        if (tracks.stream().noneMatch(t -> t.track().role() == Role.MIX)) {
            MeasuredTrack bounce = new MixOfParts(tracks, panLaw).measure();
            if (bounce != null) {
                all.add(bounce);
            }
        }
        this.tracks = List.copyOf(all);
    }

    /** The measured tracks after the changes (by part name; parts without changes stay), in the same order. */
    List<MeasuredTrack> tracks(Map<String, TrackChanges> changes) {
        Map<String, MeasuredTrack> after = new HashMap<>();
        for (MeasuredTrack track : tracks) {
            if (track.measured() && track.track().role().isPart()) {
                TrackChanges c = changes.get(track.name());
                after.put(track.name(), c == null || c.isNone() ? track : part(track, c));
            }
        }
        List<MeasuredTrack> result = new ArrayList<>();
        for (MeasuredTrack track : tracks) {
            if (!track.measured()) {
                result.add(track);
            } else if (track.track().role() == Role.MIX) {
                result.add(mix(track, after, changes));
            } else {
                result.add(after.getOrDefault(track.name(), track));
            }
        }
        return result;
    }

    /** The cross-track measurements that still hold: those of groups without the mix. */
    List<GroupMeasurement> groups() {
        Set<String> mixes = new java.util.HashSet<>();
        for (MeasuredTrack t : tracks) {
            if (t.track().role() == Role.MIX) {
                mixes.add(t.name());
            }
        }
        return groups.stream().filter(g -> g.tracks().stream().noneMatch(mixes::contains)).toList();
    }

    private MeasuredTrack part(MeasuredTrack track, TrackChanges changes) {
        double gain = changes.gainDb();
        double[] ride = rideSteps(track, changes.ride());
        double peakShift = peakShift(track, ride);
        double powerShift = powerShift(track, MeasurementIds.MOMENTARY_SERIES, ride);
        double rmsShift = powerShift(track, MeasurementIds.RMS_SERIES, ride);
        boolean centred = changes.panPercent() != null && Math.abs(changes.panPercent()) < 0.5
                || changes.widthPercent() != null && changes.widthPercent() == 0;
        // A one-sided source folded and centred keeps its power but spreads it over both channels: its peaks drop
        // 3 dB whatever the pan law (the renderer pans a folded source at unit power).
        double centreDrop = centred ? -10 * Math.log10(2) * Math.min(1, Math.abs(panOf(track)) / 100) : 0;
        Map<String, Measurement> out = new HashMap<>();
        for (Map.Entry<String, Measurement> e : track.measurements().entrySet()) {
            String id = e.getKey();
            Measurement m = e.getValue();
            if (centred && CENTRED.containsKey(id) && m instanceof Scalar s) {
                out.put(id, Scalar.of(CENTRED.get(id), s.unit()));
            } else if ((centred || changes.sideHighPassHz() != null) && MeasurementIds.LOW_END_SIDE.equals(id)) {
                out.put(id, Scalar.absent(m.unit(), "no side energy below the crossover once the part is centred"));
            } else if (changes.sideHighPassHz() != null && LOW_END.contains(id) && m instanceof Scalar s) {
                out.put(id, Scalar.of(CENTRED.get(id), s.unit()));
            } else if (MeasurementIds.BALANCE.equals(id) && m instanceof Scalar s && s.present()) {
                out.put(id, Scalar.of(s.value() + changes.balanceDb(), s.unit()));
            } else {
                boolean peak = isPeak(id);
                double shift = gain + (peak ? peakShift + centreDrop : isRms(id) ? rmsShift : powerShift);
                out.put(id, shifted(m, shift, gain + (peak ? centreDrop : 0), ride));
            }
        }
        clearOvers(out);
        return new MeasuredTrack(track.track(), track.format(), track.durationSeconds(), out, track.error(),
                track.metadata());
    }

    /**
     * Clipping counts of a moved track: flat tops and overs at full scale are no longer there once its peaks are
     * below full scale (a lowered clipped stem, the rendered mix that sums the moved stems); above it they are
     * unknown and kept.
     */
    private static void clearOvers(Map<String, Measurement> out) {
        if (out.get(MeasurementIds.SAMPLE_PEAK) instanceof Scalar peak && peak.present() && peak.value() < 0) {
            zero(out, MeasurementIds.CLIPPED_RUNS);
            zero(out, MeasurementIds.OVER_FULL_SCALE_SAMPLES);
        }
        if (out.get(MeasurementIds.TRUE_PEAK) instanceof Scalar peak && peak.present() && peak.value() < 0) {
            zero(out, MeasurementIds.INTER_SAMPLE_OVERS);
        }
    }

    private static void zero(Map<String, Measurement> out, String id) {
        if (out.get(id) instanceof Scalar s && s.present()) {
            out.put(id, Scalar.of(0, s.unit()));
        }
    }

    private MeasuredTrack mix(MeasuredTrack mix, Map<String, MeasuredTrack> after,
            Map<String, TrackChanges> changes) {
        boolean stereoChanges = changes.values().stream().anyMatch(TrackChanges::changesStereo);
        Map<String, Measurement> out = new HashMap<>(mix.measurements());
        Map<String, Double> seriesShifts = new HashMap<>();
        Map<String, Double> maxShifts = new HashMap<>();
        for (Map.Entry<String, Measurement> e : mix.measurements().entrySet()) {
            if (e.getValue() instanceof Series s && shifts(s.unit())) {
                Series moved = mixSeries(e.getKey(), s, after);
                out.put(e.getKey(), moved);
                maxShifts.put(e.getKey(), maxOf(moved) - maxOf(s));
                seriesShifts.put(e.getKey(), isPeak(e.getKey())
                        ? maxOf(moved) - maxOf(s)
                        : powerMean(moved) - powerMean(s));
            }
        }
        double peakShift = seriesShifts.getOrDefault(MeasurementIds.PEAK_SERIES, 0.0);
        double loudnessShift = seriesShifts.getOrDefault(MeasurementIds.MOMENTARY_SERIES, 0.0);
        double rmsShift = seriesShifts.getOrDefault(MeasurementIds.RMS_SERIES, loudnessShift);
        for (Map.Entry<String, Measurement> e : mix.measurements().entrySet()) {
            String id = e.getKey();
            Measurement m = e.getValue();
            if (m instanceof Series) {
                continue;
            }
            if (stereoChanges && MIX_STEREO.contains(id)) {
                out.put(id, Scalar.absent(m.unit(), PREDICTED_ABSENT));
            } else if (MeasurementIds.MOMENTARY_MAX.equals(id) || MeasurementIds.SHORT_TERM_MAX.equals(id)) {
                String series = MeasurementIds.MOMENTARY_MAX.equals(id)
                        ? MeasurementIds.MOMENTARY_SERIES
                        : MeasurementIds.SHORT_TERM_SERIES;
                out.put(id, shifted(m, maxShifts.getOrDefault(series, loudnessShift), 0, null));
            } else if (MeasurementIds.BALANCE.equals(id)) {
                out.put(id, mixBalance(mix, after, m));
            } else if (MeasurementIds.PLR.equals(id) || MeasurementIds.CREST_FACTOR.equals(id)) {
                double shift = peakShift - (MeasurementIds.PLR.equals(id) ? loudnessShift : rmsShift);
                out.put(id, m instanceof Scalar s && s.present() ? Scalar.of(s.value() + shift, s.unit()) : m);
            } else {
                double shift = isPeak(id) ? peakShift : isRms(id) ? rmsShift : loudnessShift;
                out.put(id, shifted(m, shift, shift, null));
            }
        }
        clearOvers(out);
        return new MeasuredTrack(mix.track(), mix.format(), mix.durationSeconds(), out, mix.error(), mix.metadata());
    }

    /** The mix's series after the parts' moves: each step moved by how the parts' sum moves there. */
    private Series mixSeries(String mixId, Series mix, Map<String, MeasuredTrack> after) {
        boolean peak = isPeak(mixId);
        // the parts' series that sum to it: hits and sections are the mix's own, so their plain series stand in
        String id = peak
                ? MeasurementIds.PEAK_SERIES
                : MeasurementIds.SECTION_LOUDNESS_SERIES.equals(mixId) ? MeasurementIds.SHORT_TERM_SERIES : mixId;
        float[] values = mix.values();
        float[] moved = values.clone();
        for (int i = 0; i < values.length; i++) {
            double before = 0;
            double now = 0;
            for (MeasuredTrack part : tracks) {
                MeasuredTrack changed = after.get(part.name());
                if (changed == null) {
                    continue;
                }
                double a = stepValue(part, id, i, peak);
                double b = stepValue(changed, id, i, peak);
                before += a;
                now += b;
            }
            if (before > 0 && Float.isFinite(values[i])) {
                double ratio = now / before;
                moved[i] = (float) (values[i] + (peak ? 20 : 10) * Math.log10(Math.max(ratio, 1e-12)));
            }
        }
        return new Series(mix.stepSeconds(), moved, mix.unit());
    }

    /** A part's contribution to the mix at step i: its amplitude (peaks) or power, in the mix's terms. */
    private double stepValue(MeasuredTrack part, String id, int i, boolean peak) {
        var series = part.series(id);
        if (series.isEmpty() || i >= series.get().size() || !Float.isFinite(series.get().get(i))) {
            return 0;
        }
        double db = series.get().get(i);
        if (part.isMono()) {
            // a mono part reaches each channel of the stereo mix at the pan law's centre gain: loudness sums the
            // channels, RMS and peaks are per channel
            db += Units.LUFS.equals(series.get().unit())
                    ? panLaw.monoToStereoLoudnessOffsetDb()
                    : panLaw.centreGainDb();
        }
        return peak ? Math.pow(10, db / 20) : Math.pow(10, db / 10);
    }

    /** The mix's left-minus-right power after the parts' moves: the parts' channel powers summed. */
    private Measurement mixBalance(MeasuredTrack mix, Map<String, MeasuredTrack> after, Measurement m) {
        if (!(m instanceof Scalar s) || !s.present()) {
            return m;
        }
        double[] mixLr = channelPowers(mix);
        double[] before = new double[2];
        double[] now = new double[2];
        for (MeasuredTrack part : tracks) {
            MeasuredTrack changed = after.get(part.name());
            if (changed == null) {
                continue;
            }
            double[] a = channelPowers(part);
            double[] b = channelPowers(changed);
            if (a == null || b == null) {
                continue;
            }
            before[0] += a[0];
            before[1] += a[1];
            now[0] += b[0];
            now[1] += b[1];
        }
        if (mixLr == null || before[0] <= 0 || before[1] <= 0 || now[0] <= 0 || now[1] <= 0) {
            return m;
        }
        // What the parts' sum does not explain (their correlation, the bus) is kept, channel by channel.
        double left = mixLr[0] * now[0] / before[0];
        double right = mixLr[1] * now[1] / before[1];
        return Scalar.of(10 * Math.log10(left / right), s.unit());
    }

    /** A track's left and right channel power from its RMS and balance; null when it has no RMS. */
    private double[] channelPowers(MeasuredTrack track) {
        var rms = track.scalar(MeasurementIds.RMS);
        if (rms.isEmpty()) {
            return null;
        }
        double power = Math.pow(10, rms.getAsDouble() / 10);
        if (track.isMono()) {
            double each = power * Math.pow(10, panLaw.centreGainDb() / 10);
            return new double[]{each, each};
        }
        double ratio = Math.pow(10, track.scalar(MeasurementIds.BALANCE).orElse(0) / 10);
        return new double[]{2 * power * ratio / (1 + ratio), 2 * power / (1 + ratio)};
    }

    private static double panOf(MeasuredTrack track) {
        return track.scalar(MeasurementIds.PAN).orElse(0);
    }

    /** The ride's gain at each 100 ms step of the track's momentary series (the middle of the step); null: none. */
    private static double[] rideSteps(MeasuredTrack track, List<GainPoint> ride) {
        if (ride.isEmpty()) {
            return null;
        }
        var series = track.series(MeasurementIds.MOMENTARY_SERIES).or(() -> track.series(MeasurementIds.PEAK_SERIES));
        double step = series.map(Series::stepSeconds).orElse(0.1);
        int n = series.map(Series::size).orElse((int) Math.ceil(track.durationSeconds() / step));
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            gains[i] = GainPoint.gainAt(ride, (i + 0.5) * step);
        }
        return gains;
    }

    /** How a ride moves the track's sample peak, dB: how its loudest step moves. */
    private static double peakShift(MeasuredTrack track, double[] ride) {
        var series = track.series(MeasurementIds.PEAK_SERIES);
        if (ride == null || series.isEmpty()) {
            return 0;
        }
        float[] v = series.get().values();
        double before = Double.NEGATIVE_INFINITY;
        double after = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (Float.isFinite(v[i])) {
                before = Math.max(before, v[i]);
                after = Math.max(after, v[i] + ride[Math.min(i, ride.length - 1)]);
            }
        }
        return Double.isFinite(before) ? after - before : 0;
    }

    /** How a ride moves the track's power over the series {@code id}, dB: the power-weighted mean of its gain. */
    private static double powerShift(MeasuredTrack track, String id, double[] ride) {
        var series = track.series(id);
        if (ride == null || series.isEmpty()) {
            return 0;
        }
        float[] v = series.get().values();
        double before = 0;
        double after = 0;
        for (int i = 0; i < v.length; i++) {
            if (Float.isFinite(v[i])) {
                double p = Math.pow(10, v[i] / 10.0);
                before += p;
                after += p * Math.pow(10, ride[Math.min(i, ride.length - 1)] / 10);
            }
        }
        return before > 0 ? 10 * Math.log10(after / before) : 0;
    }

    /**
     * The measurement moved by a gain when its unit is a level: a scalar or per-channel value by {@code scalarDb}, a
     * spectrum by {@code gainDb} plus the ride's power shift folded into {@code scalarDb}, a series step by step by
     * {@code gainDb} and the ride there.
     */
    private static Measurement shifted(Measurement m, double scalarDb, double gainDb, double[] ride) {
        if (!shifts(m.unit())) {
            return m;
        }
        if (m instanceof Scalar s) {
            return s.present() ? Scalar.of(s.value() + scalarDb, s.unit()) : s;
        }
        if (m instanceof PerChannel p) {
            double[] v = p.values();
            for (int i = 0; i < v.length; i++) {
                v[i] += scalarDb;
            }
            return new PerChannel(p.channels(), v, p.unit());
        }
        if (m instanceof Spectrum s) {
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                v[i] += scalarDb;
            }
            return new Spectrum(s.frequenciesHz(), v, s.unit());
        }
        if (m instanceof Series s) {
            float[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                double r = ride == null ? 0 : ride[Math.min(i, ride.length - 1)];
                v[i] = (float) (v[i] + gainDb + r);
            }
            return new Series(s.stepSeconds(), v, s.unit());
        }
        return m;
    }

    /** Whether values in the unit move dB for dB with gain: absolute levels do; differences and shapes do not. */
    static boolean shifts(String unit) {
        return Units.DBFS.equals(unit) || Units.DBTP.equals(unit) || Units.LUFS.equals(unit);
    }

    /** Peaks move with the loudest step; other levels with the power. */
    private static boolean isPeak(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).contains("peak");
    }

    private static boolean isRms(String id) {
        return id.startsWith(MeasurementIds.RMS);
    }

    private static double maxOf(Series s) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s.values()) {
            if (Float.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return Double.isFinite(max) ? max : 0;
    }

    private static double powerMean(Series s) {
        double sum = 0;
        int n = 0;
        for (float v : s.values()) {
            if (Float.isFinite(v)) {
                sum += Math.pow(10, v / 10.0);
                n++;
            }
        }
        return n == 0 ? 0 : 10 * Math.log10(sum / n);
    }
}
