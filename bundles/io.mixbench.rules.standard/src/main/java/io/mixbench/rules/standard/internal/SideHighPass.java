package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * The side high-pass fix of the stereo rules (lowEnd.centred, mono.compatibility): its filter, and the lowest corner
 * frequency at which it clears what the rule measures, computed from the track's 1/3-octave spectra.
 * <p>
 * Per 1/3-octave band the mid power P_M is the mid spectrum's and the side power follows from P_L + P_R = 2 (P_M +
 * P_S). A high-pass on the side scales each band's side power by the filter's power response averaged over the band
 * (power taken as even in log frequency within a band); the mid is untouched. The rules anchor the prediction on what
 * the meters measured and take the change from the spectra, and aim {@link #MARGIN_DB} inside their limit to cover
 * what a band average cannot know (a tone at a band's edge).
 */
final class SideHighPass {

    /** The filter the fixes name: the crossover filter, so what it removes from the side sums flat with the mid. */
    static final String TYPE = Fix.FILTER_LINKWITZ_RILEY;
    /** Its slope, dB/octave (Linkwitz-Riley, two 2nd-order Butterworth filters in a row). */
    static final double SLOPE_DB_PER_OCTAVE = 24;
    /** How far inside the rule's limit the computed corner aims, dB. */
    static final double MARGIN_DB = 3;
    /** The lowest corner considered, Hz. */
    static final double LOWEST_HZ = 30;
    /**
     * The highest corner proposed, Hz: above it a side high-pass no longer fixes a low end but takes a part's width
     * away, and the rules narrow the part instead.
     */
    static final double HIGHEST_HZ = 1000;
    /** Points per 1/3-octave band at which the responses are averaged. */
    private static final int POINTS = 9;

    /** Side and mid power per 1/3-octave band (linear, one scale) at the bands' centres. */
    record Powers(double[] hz, double[] mid, double[] side) {
    }

    private SideHighPass() {
    }

    /** The structured fix: the corner with the filter's type and slope. */
    static Fix fix(String track, double cornerHz) {
        Map<String, Object> actions = new LinkedHashMap<>();
        actions.put(Fix.SIDE_HIGH_PASS_HZ, cornerHz);
        actions.put(Fix.FILTER_TYPE, TYPE);
        actions.put(Fix.FILTER_SLOPE_DB_PER_OCTAVE, SLOPE_DB_PER_OCTAVE);
        return new Fix(track, actions);
    }

    /** "450 Hz, 24 dB/octave (Linkwitz-Riley)". */
    static String describe(double cornerHz) {
        return hertz(cornerHz) + " Hz, " + String.format(java.util.Locale.ROOT, "%.0f", SLOPE_DB_PER_OCTAVE)
                + " dB/octave (Linkwitz-Riley)";
    }

    /** "450", "62.5". */
    static String hertz(double hz) {
        return hz == Math.rint(hz) ? String.format(java.util.Locale.ROOT, "%.0f", hz) : RuleSupport.f1(hz);
    }

    /** Power response of the fix's filter at {@code hz}, corner {@code cornerHz}: (1 / (1 + (fc / f)^4))^2. */
    static double response(double hz, double cornerHz) {
        double r = cornerHz / hz;
        double r2 = r * r;
        double butterworth2 = 1 / (1 + r2 * r2);
        return butterworth2 * butterworth2;
    }

    /**
     * Power response of the meters' low-end weighting, a 4th-order Butterworth low-pass at the crossover:
     * 1 / (1 + (f / fc)^8).
     */
    static double lowEndWeight(double hz) {
        double r = hz / RuleSupport.LOW_END_CROSSOVER_HZ;
        double r2 = r * r;
        double r4 = r2 * r2;
        return 1 / (1 + r4 * r4);
    }

    /** The track's side and mid power per band; empty for a mono track or without the mid, left and right spectra. */
    static Optional<Powers> powers(MeasuredTrack track) {
        if (track.isMono()
                || !(track.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM) instanceof Spectrum mid)
                || !(track.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT) instanceof Spectrum left)
                || !(track.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT) instanceof Spectrum right)
                || left.values().length != mid.values().length || right.values().length != mid.values().length) {
            return Optional.empty();
        }
        int n = mid.values().length;
        double[] m = new double[n];
        double[] s = new double[n];
        boolean any = false;
        for (int b = 0; b < n; b++) {
            double pm = power(mid.values()[b]);
            double pl = power(left.values()[b]);
            double pr = power(right.values()[b]);
            m[b] = pm;
            s[b] = Math.max(0, (pl + pr) / 2 - pm);
            any |= s[b] > 0;
        }
        return any ? Optional.of(new Powers(mid.frequenciesHz().clone(), m, s)) : Optional.empty();
    }

    private static double power(double db) {
        return Double.isFinite(db) ? RuleSupport.toPower(db) : 0;
    }

    /** The mean over 1/3-octave band {@code hz} of {@code response(f) x weight(f)}. */
    static double bandMean(double hz, double cornerHz, boolean lowEndWeighted) {
        double sum = 0;
        for (int i = 0; i < POINTS; i++) {
            double f = hz * Math.pow(2, ((i + 0.5) / POINTS - 0.5) / 3);
            double h = Double.isNaN(cornerHz) ? 1 : response(f, cornerHz);
            sum += h * (lowEndWeighted ? lowEndWeight(f) : 1);
        }
        return sum / POINTS;
    }

    /**
     * How much the side's low-end-weighted energy falls after the high-pass, dB (negative): the change the meter's
     * {@code lowEndSide} sees.
     */
    static double lowEndSideChangeDb(Powers p, double cornerHz) {
        double before = 0;
        double after = 0;
        for (int b = 0; b < p.hz().length; b++) {
            before += p.side()[b] * bandMean(p.hz()[b], Double.NaN, true);
            after += p.side()[b] * bandMean(p.hz()[b], cornerHz, true);
        }
        return before > 0 && after > 0 ? RuleSupport.toDb(after / before) : -StereoSupport.FLOOR_DB;
    }

    /**
     * The lowest corner on the grid (5 Hz steps below 100 Hz, 10 Hz steps up to {@link #HIGHEST_HZ}) from
     * {@link #LOWEST_HZ} at which {@code clears} holds; empty when none up to {@link #HIGHEST_HZ} does.
     */
    static Optional<Double> lowestCorner(DoublePredicate clears) {
        for (double hz = LOWEST_HZ; hz <= HIGHEST_HZ + 1e-9; hz += hz < 100 ? 5 : 10) {
            if (clears.test(hz)) {
                return Optional.of(hz);
            }
        }
        return Optional.empty();
    }
}
