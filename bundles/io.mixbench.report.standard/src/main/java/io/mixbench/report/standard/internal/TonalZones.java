package io.mixbench.report.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.TonalBands;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.TonalTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The tonal target the HTML report draws the mix's tonal balance against: per tonal-balance band ({@link TonalBands}),
 * a zone of levels relative to the mid band, dB. It comes from the reference tracks' tonal balance, or from the
 * genre tilt a finding declares ({@link Finding#tonalTarget()}).
 */
final class TonalZones {

    /** Per band of {@link TonalBands#BANDS}: lowest and highest target level relative to the mid band, dB; NaN for none. */
    private final double[] lo;
    private final double[] hi;
    private final String caption;
    /** The rule whose finding declared the target; null for the references. */
    private final String ruleId;

    private TonalZones(double[] lo, double[] hi, String caption, String ruleId) {
        this.lo = lo;
        this.hi = hi;
        this.caption = caption;
        this.ruleId = ruleId;
    }

    /** The band of {@link TonalBands#BANDS} whose edges hold the frequency, or -1. */
    static int bandOf(double frequencyHz) {
        return TonalBands.indexOf(frequencyHz);
    }

    static List<String> bandNames(double[] frequenciesHz) {
        List<String> names = new ArrayList<>();
        for (double f : frequenciesHz) {
            int band = bandOf(f);
            names.add(band < 0 ? Svg.label(Math.round(f)) + " Hz" : capitalised(TonalBands.band(band).name()));
        }
        return names;
    }

    private static String capitalised(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** A tonal-balance spectrum relative to its mid band, dB; all NaN when it has no finite mid band. */
    static double[] relativeToMid(Spectrum spectrum) {
        double[] f = spectrum.frequenciesHz();
        double[] v = spectrum.values();
        double mid = Double.NaN;
        for (int i = 0; i < f.length; i++) {
            if (bandOf(f[i]) == TonalBands.MID && Double.isFinite(v[i])) {
                mid = v[i];
            }
        }
        double[] relative = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            relative[i] = Double.isFinite(v[i]) && Double.isFinite(mid) ? v[i] - mid : Double.NaN;
        }
        return relative;
    }

    /** The range of the references' tonal balance, band by band; null when none has a tonal balance. */
    static TonalZones fromReferences(List<MeasuredTrack> references) {
        double[] lo = filled(Double.NaN);
        double[] hi = filled(Double.NaN);
        int used = 0;
        for (MeasuredTrack reference : references) {
            if (!(reference.measurements().get(MeasurementIds.TONAL_BALANCE) instanceof Spectrum spectrum)) {
                continue;
            }
            double[] relative = relativeToMid(spectrum);
            double[] f = spectrum.frequenciesHz();
            for (int i = 0; i < f.length; i++) {
                int band = bandOf(f[i]);
                if (band >= 0 && Double.isFinite(relative[i])) {
                    lo[band] = Double.isNaN(lo[band]) ? relative[i] : Math.min(lo[band], relative[i]);
                    hi[band] = Double.isNaN(hi[band]) ? relative[i] : Math.max(hi[band], relative[i]);
                }
            }
            used++;
        }
        if (used == 0) {
            return null;
        }
        return new TonalZones(lo, hi, used == 1
                ? " against the reference's (green line)"
                : " against the range of the " + used + " references (green)", null);
    }

    /**
     * The genre tilt the first finding that declares one gives ({@link Finding#tonalTarget()}), whichever rule gave
     * it. Null when no finding declares one, or it gives fewer than two bands a target.
     */
    static TonalZones fromFindings(List<Finding> findings) {
        Finding declaring = findings.stream().filter(f -> f.tonalTarget() != null).findFirst().orElse(null);
        if (declaring == null) {
            return null;
        }
        TonalTarget target = declaring.tonalTarget();
        double[] lo = target.minDb();
        double[] hi = target.maxDb();
        int bands = 0;
        boolean zones = false;
        for (int b = 0; b < lo.length; b++) {
            if (Double.isFinite(lo[b]) && Double.isFinite(hi[b])) {
                bands++;
                zones |= hi[b] != lo[b];
            } else {
                lo[b] = Double.NaN;
                hi[b] = Double.NaN;
            }
        }
        if (bands < 2) {
            return null;
        }
        return new TonalZones(lo, hi, zones
                ? " against the genre tilt and its tolerance (green)"
                : " against the genre tilt (green line)", declaring.ruleId());
    }

    /** Fills each band's zone for a mix tonal-balance spectrum with these band frequencies. */
    void zones(double[] frequenciesHz, double[] zoneLo, double[] zoneHi) {
        for (int i = 0; i < frequenciesHz.length; i++) {
            int band = bandOf(frequenciesHz[i]);
            if (band >= 0) {
                zoneLo[i] = lo[band];
                zoneHi[i] = hi[band];
            }
        }
    }

    String caption() {
        return caption;
    }

    /** The rule whose finding declared the tilt; null when the zones come from the references. */
    String ruleId() {
        return ruleId;
    }

    private static double[] filled(double value) {
        double[] values = new double[TonalBands.count()];
        Arrays.fill(values, value);
        return values;
    }
}
