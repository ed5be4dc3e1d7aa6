package io.mixbench.meter;

import java.util.List;

/**
 * The loudness of tracks heard together, step by step: the one definition for rules and reports that combine the
 * loudness series of several tracks (a multi-mic kick, the rhythm section, every part but one). Since 1.4.
 */
public final class LoudnessSums {

    private LoudnessSums() {
    }

    /**
     * The power sum of loudness series at each step, {@code 10 log10(sum 10^((v + offset) / 10))}: each series offset
     * by its own correction (e.g. the session's pan law for a mono track compared with stereo ones), steps without
     * a value skipped, NaN where no series has a value. As long as the longest series.
     *
     * @param series loudness series in LUFS (momentary or short-term); NaN for silence
     * @param offsetsDb one offset per series, dB
     */
    public static double[] powerSum(List<Series> series, double[] offsetsDb) {
        if (series.size() != offsetsDb.length) {
            throw new IllegalArgumentException("one offset per series");
        }
        int length = 0;
        for (Series s : series) {
            length = Math.max(length, s.size());
        }
        double[] power = new double[length];
        boolean[] any = new boolean[length];
        for (int t = 0; t < series.size(); t++) {
            Series s = series.get(t);
            for (int i = 0; i < s.size(); i++) {
                float v = s.get(i);
                if (Float.isFinite(v)) {
                    power[i] += Math.pow(10, (v + offsetsDb[t]) / 10);
                    any[i] = true;
                }
            }
        }
        double[] db = new double[length];
        for (int i = 0; i < length; i++) {
            db[i] = any[i] && power[i] > 0 ? 10 * Math.log10(power[i]) : Double.NaN;
        }
        return db;
    }
}
