package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Phrases;
import io.mixbench.meter.Series;
import io.mixbench.plan.GainPoint;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.PanLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lead vocal's ride: phrase by phrase (the phrases of its activity, {@link Phrases}), the gain that puts the
 * phrase's median lead over the loudest other element at each step in the middle of the lead window of the
 * {@value #RULE_ID} rule (its parameters in the rule set), bounded by the plan's ride limit, ramped in over
 * {@value #ATTACK_SECONDS} s before a phrase and out over {@value #RELEASE_SECONDS} s after it. A static move
 * comes with it only when the limit cannot reach every phrase from where the vocal is.
 */
final class Rides {

    /** The rule whose lead window the ride aims at. */
    static final String RULE_ID = "vocal.lead";
    /** How long before a phrase its gain ramps in, s: the ramp is done when the phrase starts. */
    static final double ATTACK_SECONDS = 0.1;
    /** How long after a phrase its gain ramps back out, s, when no phrase follows at once. */
    static final double RELEASE_SECONDS = 0.2;
    /** Phrase gains closer than this, dB, are no ride. */
    private static final double NO_RIDE_DB = 0.5;

    /**
     * A ride: the static move it comes with and its breakpoints.
     *
     * @param staticDb the gain to add to the part's fader, dB
     * @param points the ride on top of it, sorted by time
     */
    record Ride(double staticDb, List<GainPoint> points) {
    }

    private Rides() {
    }

    /**
     * The ride of a lead vocal in the predicted measurements (without a ride of its own), or null when the rule's
     * window is not known, the vocal has no phrases, or no phrase needs more than the static move.
     */
    static Ride of(String vocal, AnalysisResult base, List<MeasuredTrack> predicted, double limitDb, PanLaw panLaw) {
        Optional<AppliedRule> rule = base.rules().stream().filter(r -> RULE_ID.equals(r.ruleId())).findFirst();
        if (rule.isEmpty() || !rule.get().parameters().containsKey("minLeadDb")
                || !rule.get().parameters().containsKey("maxLeadDb")) {
            return null;
        }
        double low = rule.get().parameters().get("minLeadDb");
        double high = rule.get().parameters().get("maxLeadDb");
        double centre = (low + high) / 2;
        MeasuredTrack voice = predicted.stream().filter(t -> t.name().equals(vocal)).findFirst().orElse(null);
        if (voice == null) {
            return null;
        }
        Optional<Series> loudness = voice.series(MeasurementIds.MOMENTARY_SERIES);
        Optional<Series> activity = voice.series(MeasurementIds.ACTIVITY);
        if (loudness.isEmpty() || activity.isEmpty()) {
            return null;
        }
        double step = loudness.get().stepSeconds();
        double[] v = loudnessOf(voice, panLaw);
        double[] loudest = loudestOther(voice, predicted, panLaw, v.length);
        boolean[] sings = new boolean[Math.min(v.length, activity.get().size())];
        for (int i = 0; i < sings.length; i++) {
            sings[i] = activity.get().get(i) > 0.5f && Double.isFinite(v[i]);
        }
        List<int[]> spans = Phrases.spans(sings, step);
        List<int[]> judged = new ArrayList<>();
        List<Double> wanted = new ArrayList<>();
        for (int[] span : spans) {
            double[] leads = new double[span[1] - span[0]];
            int n = 0;
            for (int i = span[0]; i < span[1]; i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(loudest[i])) {
                    leads[n++] = v[i] - loudest[i];
                }
            }
            if (n > 0) {
                judged.add(span);
                wanted.add(centre - median(leads, n));
            }
        }
        if (judged.isEmpty()) {
            return null;
        }
        double staticDb = Math.round(staticGain(wanted, limitDb) * 10) / 10.0;
        List<GainPoint> points = new ArrayList<>();
        double previousGain = 0;
        double previousEnd = 0;
        boolean any = false;
        for (int k = 0; k < judged.size(); k++) {
            double gain = Math.max(-limitDb, Math.min(limitDb, wanted.get(k) - staticDb));
            gain = Math.abs(gain) < NO_RIDE_DB ? 0 : Math.round(gain * 10) / 10.0;
            any |= gain != 0;
            double start = judged.get(k)[0] * step;
            double end = judged.get(k)[1] * step;
            add(points, Math.max(previousEnd, start - ATTACK_SECONDS), previousGain);
            add(points, start, gain);
            add(points, end, gain);
            previousGain = gain;
            previousEnd = end;
            double next = k + 1 < judged.size() ? judged.get(k + 1)[0] * step : Double.POSITIVE_INFINITY;
            if (next - end >= RELEASE_SECONDS + ATTACK_SECONDS && gain != 0) {
                add(points, end + RELEASE_SECONDS, 0);
                previousGain = 0;
                previousEnd = end + RELEASE_SECONDS;
            }
        }
        if (!any) {
            return null;
        }
        return new Ride(staticDb, simplify(points));
    }

    /**
     * The static gain that comes with the ride: none when the ride alone can bring every phrase into the window within
     * the ride limit (one stretch that is low is ridden, the fader left alone); else the least move that lets it,
     * and when no move does, the one that halves the largest ride.
     */
    private static double staticGain(List<Double> wanted, double limitDb) {
        double least = wanted.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double most = wanted.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (most - least > 2 * limitDb) {
            return (least + most) / 2;
        }
        // every phrase within the limit of the static gain: s in [most - limit, least + limit], nearest 0
        return Math.max(most - limitDb, Math.min(least + limitDb, 0));
    }

    /** "Ride Lead Vox: +7.0 dB at 0:04.0-0:08.0, -2.0 dB at ..." (the held stretches of the ride). */
    static String describe(String track, List<GainPoint> ride) {
        StringBuilder text = new StringBuilder("Ride ").append(track).append(':');
        int held = 0;
        for (int i = 0; i + 1 < ride.size(); i++) {
            GainPoint a = ride.get(i);
            GainPoint b = ride.get(i + 1);
            if (a.gainDb() == b.gainDb() && a.gainDb() != 0) {
                if (held == 4) {
                    text.append(" and more");
                    break;
                }
                text.append(held == 0 ? " " : ", ").append(String.format(Locale.ROOT, "%+.1f dB at %s-%s",
                        a.gainDb(), clock(a.seconds()), clock(b.seconds())));
                held++;
            }
        }
        return text.append(" (ramps of ").append(ATTACK_SECONDS).append(" s in, ").append(RELEASE_SECONDS)
                .append(" s out)").toString();
    }

    private static void add(List<GainPoint> points, double seconds, double gainDb) {
        double at = Math.max(0, seconds);
        if (!points.isEmpty()) {
            GainPoint last = points.get(points.size() - 1);
            if (at <= last.seconds()) {
                // a phrase that starts where the last ended: the new gain starts there
                points.set(points.size() - 1, new GainPoint(last.seconds(), gainDb));
                return;
            }
        }
        points.add(new GainPoint(at, gainDb));
    }

    /** Drops breakpoints in the middle of a stretch that holds one gain: they change nothing. */
    private static List<GainPoint> simplify(List<GainPoint> points) {
        List<GainPoint> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean inner = i > 0 && i + 1 < points.size()
                    && points.get(i - 1).gainDb() == points.get(i).gainDb()
                    && points.get(i + 1).gainDb() == points.get(i).gainDb();
            if (!inner) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** The track's momentary loudness at each step as a stereo part of the mix, LUFS; NaN where it has none. */
    private static double[] loudnessOf(MeasuredTrack track, PanLaw panLaw) {
        float[] values = track.series(MeasurementIds.MOMENTARY_SERIES).map(Series::values).orElse(new float[0]);
        double offset = track.isMono() ? panLaw.monoToStereoLoudnessOffsetDb() : 0;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.isFinite(values[i]) ? values[i] + offset : Double.NaN;
        }
        return out;
    }

    /**
     * At each step, the loudest other element's momentary loudness, LUFS (the tracks of a multi-mic group
     * power-summed, as the rule counts them); NaN where none plays.
     */
    private static double[] loudestOther(MeasuredTrack vocal, List<MeasuredTrack> tracks, PanLaw panLaw, int n) {
        Map<String, double[]> elements = new LinkedHashMap<>();
        for (MeasuredTrack t : tracks) {
            if (!t.measured() || !t.track().role().isPart() || t.name().equals(vocal.name())) {
                continue;
            }
            String element = t.track().group() != null ? "group:" + t.track().group() : "track:" + t.name();
            double[] power = elements.computeIfAbsent(element, k -> new double[n]);
            double[] loudness = loudnessOf(t, panLaw);
            for (int i = 0; i < Math.min(n, loudness.length); i++) {
                if (Double.isFinite(loudness[i])) {
                    power[i] += Math.pow(10, loudness[i] / 10);
                }
            }
        }
        double[] loudest = new double[n];
        Arrays.fill(loudest, Double.NaN);
        for (double[] power : elements.values()) {
            for (int i = 0; i < n; i++) {
                if (power[i] > 0) {
                    double db = 10 * Math.log10(power[i]);
                    loudest[i] = Double.isNaN(loudest[i]) ? db : Math.max(loudest[i], db);
                }
            }
        }
        return loudest;
    }

    private static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%04.1f", tenths / 600, (tenths % 600) / 10.0);
    }
}
