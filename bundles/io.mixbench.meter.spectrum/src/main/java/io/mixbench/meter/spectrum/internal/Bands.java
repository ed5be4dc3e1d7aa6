package io.mixbench.meter.spectrum.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.TonalBands;

/**
 * The band tables of the spectrum meter. 1/3-octave and octave bands follow IEC 61260-1 base 10: exact mid-band
 * frequencies {@code 1000 * G^(x/b)} Hz with {@code G = 10^(3/10)}, edges at {@code G^(+-1/(2b))} times the exact
 * mid-band frequency; measurements report the nominal mid-band frequencies (20, 25, 31.5, ...). The tonal-balance
 * bands are the meter API's {@link TonalBands}.
 */
public final class Bands {

    /** The id of the band-level series of one tonal-balance band, e.g. "bandEnergySeries.low". */
    static String seriesId(String bandId) {
        return MeasurementIds.BAND_ENERGY_SERIES_PREFIX + bandId;
    }

    /** IEC 61260-1 octave ratio, base 10. */
    static final double G = Math.pow(10, 0.3);

    /** Nominal 1/3-octave mid-band frequencies 20 Hz..20 kHz, Hz (band numbers x = -17..13). */
    public static final double[] THIRD_OCTAVE_NOMINAL_HZ = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250,
            315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000,
            20000};
    private static final int THIRD_OCTAVE_FIRST_X = -17;

    /** Nominal octave mid-band frequencies 31.5 Hz..16 kHz, Hz (band numbers x = -5..4). */
    public static final double[] OCTAVE_NOMINAL_HZ = {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    private static final int OCTAVE_FIRST_X = -5;
    /** The 1/3-octave band index of the lowest third of the first octave band (25 Hz in 31.5 Hz). */
    static final int FIRST_THIRD_OF_OCTAVE = 3 * OCTAVE_FIRST_X - 1 - THIRD_OCTAVE_FIRST_X;

    private Bands() {
    }

    /** Exact mid-band frequency of 1/3-octave band {@code i} (0 = 20 Hz), Hz. */
    static double thirdOctaveExactHz(int i) {
        return 1000 * Math.pow(G, (THIRD_OCTAVE_FIRST_X + i) / 3.0);
    }

    /** Exact mid-band frequency of octave band {@code i} (0 = 31.5 Hz), Hz. */
    static double octaveExactHz(int i) {
        return 1000 * Math.pow(G, OCTAVE_FIRST_X + i);
    }

    /** Lower and upper edges, Hz, of the 1/3-octave bands, as {lows, highs}. */
    static double[][] thirdOctaveEdges() {
        return edges(THIRD_OCTAVE_NOMINAL_HZ.length, 1.0 / 6, true);
    }

    /** Lower and upper edges, Hz, of the octave bands, as {lows, highs}. */
    static double[][] octaveEdges() {
        return edges(OCTAVE_NOMINAL_HZ.length, 0.5, false);
    }

    private static double[][] edges(int count, double halfWidthOctaves, boolean third) {
        double[] low = new double[count];
        double[] high = new double[count];
        double ratio = Math.pow(G, halfWidthOctaves);
        for (int i = 0; i < count; i++) {
            double centre = third ? thirdOctaveExactHz(i) : octaveExactHz(i);
            low[i] = centre / ratio;
            high[i] = centre * ratio;
        }
        return new double[][]{low, high};
    }

    /** Lower and upper edges, Hz, of the tonal-balance bands ({@link TonalBands}), as {lows, highs}. */
    static double[][] tonalEdges() {
        double[] low = new double[TonalBands.count()];
        double[] high = new double[TonalBands.count()];
        for (int i = 0; i < low.length; i++) {
            low[i] = TonalBands.band(i).lowHz();
            high[i] = TonalBands.band(i).highHz();
        }
        return new double[][]{low, high};
    }

    /** Geometric centres of the tonal-balance bands, Hz. */
    static double[] tonalCentresHz() {
        return TonalBands.BANDS.stream().mapToDouble(TonalBands.Band::centreHz).toArray();
    }
}
