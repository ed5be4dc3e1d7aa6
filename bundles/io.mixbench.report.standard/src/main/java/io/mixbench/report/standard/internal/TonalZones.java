package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AppliedRule;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.meter.Spectrum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tonal target the HTML report draws the mix's tonal balance against: per tonal-balance band, a zone of levels
 * relative to the mid band, dB. It comes from the reference tracks' tonal balance, or from a genre tilt that the
 * tonal-balance rule publishes as parameters (docs/report-html.md names the parameter ids it reads).
 */
final class TonalTarget {

    /** The tonal-balance bands of the spectrum meter (id, display name, edges in Hz), in ascending order. */
    private static final String[] IDS = {"sub", "low", "lowMid", "mid", "highMid", "high", "air"};
    private static final String[] NAMES = {"Sub", "Low", "Low-mid", "Mid", "High-mid", "High", "Air"};
    private static final double[] EDGES_HZ = {20, 60, 250, 500, 2000, 4000, 10000, 20000};
    private static final int MID = 3;

    /** Per band of {@link #IDS}: lowest and highest target level relative to the mid band, dB; NaN for none. */
    private final double[] lo;
    private final double[] hi;
    private final String caption;

    private TonalTarget(double[] lo, double[] hi, String caption) {
        this.lo = lo;
        this.hi = hi;
        this.caption = caption;
    }

    /** The band of {@link #IDS} whose edges hold the frequency, or -1. */
    static int bandOf(double frequencyHz) {
        for (int i = 0; i < IDS.length; i++) {
            if (frequencyHz >= EDGES_HZ[i] && frequencyHz < EDGES_HZ[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    static List<String> bandNames(double[] frequenciesHz) {
        List<String> names = new ArrayList<>();
        for (double f : frequenciesHz) {
            int band = bandOf(f);
            names.add(band < 0 ? Svg.label(Math.round(f)) + " Hz" : NAMES[band]);
        }
        return names;
    }

    /** A tonal-balance spectrum relative to its mid band, dB; all NaN when it has no finite mid band. */
    static double[] relativeToMid(Spectrum spectrum) {
        double[] f = spectrum.frequenciesHz();
        double[] v = spectrum.values();
        double mid = Double.NaN;
        for (int i = 0; i < f.length; i++) {
            if (bandOf(f[i]) == MID && Double.isFinite(v[i])) {
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
    static TonalTarget fromReferences(List<MeasuredTrack> references) {
        double[] lo = filled(Double.NaN);
        double[] hi = filled(Double.NaN);
        int used = 0;
        for (MeasuredTrack reference : references) {
            if (!(reference.measurements().get(ReportIds.TONAL_BALANCE) instanceof Spectrum spectrum)) {
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
        return new TonalTarget(lo, hi, used == 1
                ? " against the reference's (green line)"
                : " against the range of the " + used + " references (green)");
    }

    /**
     * The genre tilt from the parameters of rule {@value ReportIds#TONAL_RULE}: one parameter per band named after
     * the band id, optionally with the prefix "target" or "tilt" and the suffix "Db" (e.g. "lowMid", "targetLowMidDb"),
     * dB relative to the mid band; a tolerance "toleranceDb" for every band or "&lt;band&gt;ToleranceDb" for one.
     * Null when the rule is not there or names fewer than two bands.
     */
    static TonalTarget fromRules(List<AppliedRule> rules) {
        AppliedRule rule = rules.stream().filter(r -> ReportIds.TONAL_RULE.equals(r.ruleId())).findFirst()
                .orElse(null);
        if (rule == null) {
            return null;
        }
        double[] target = filled(Double.NaN);
        double[] tolerance = filled(Double.NaN);
        double common = Double.NaN;
        int bands = 0;
        for (Map.Entry<String, Double> parameter : rule.parameters().entrySet()) {
            Double value = parameter.getValue();
            if (value == null || !Double.isFinite(value)) {
                continue;
            }
            String key = parameter.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            key = stripPrefix(stripPrefix(key, "target"), "tilt");
            if (key.endsWith("db")) {
                key = key.substring(0, key.length() - 2);
            }
            boolean isTolerance = key.contains("tolerance");
            key = key.replace("tolerance", "");
            if (isTolerance && key.isEmpty()) {
                common = value;
                continue;
            }
            int band = Arrays.asList(IDS).stream().map(id -> id.toLowerCase(Locale.ROOT)).toList().indexOf(key);
            if (band < 0) {
                continue;
            }
            if (isTolerance) {
                tolerance[band] = value;
            } else {
                target[band] = value;
                bands++;
            }
        }
        if (bands < 2) {
            return null;
        }
        if (Double.isNaN(target[MID])) {
            target[MID] = 0;
        }
        double[] lo = filled(Double.NaN);
        double[] hi = filled(Double.NaN);
        boolean zones = false;
        for (int i = 0; i < IDS.length; i++) {
            if (Double.isFinite(target[i])) {
                double tol = Double.isFinite(tolerance[i]) ? tolerance[i] : Double.isFinite(common) ? common : 0;
                lo[i] = target[i] - Math.abs(tol);
                hi[i] = target[i] + Math.abs(tol);
                zones |= tol != 0;
            }
        }
        return new TonalTarget(lo, hi, zones
                ? " against the genre tilt and its tolerance (green)"
                : " against the genre tilt (green line)");
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

    private static String stripPrefix(String key, String prefix) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static double[] filled(double value) {
        double[] values = new double[IDS.length];
        Arrays.fill(values, value);
        return values;
    }
}
