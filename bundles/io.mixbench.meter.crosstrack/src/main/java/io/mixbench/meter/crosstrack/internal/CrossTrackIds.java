package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.MeasurementReasons;

/**
 * Stable ids of the cross-track meters and of their measurements (GroupMeasurement keys), and the reasons given
 * with absent values. Rules in other bundles repeat these strings; never rename one once released.
 */
public final class CrossTrackIds {

    /** Meter id: the mix against the sum of the stems. The group is the mix first, then the stems. */
    public static final String NULL_TEST = "nullTest";
    /** Meter id: polarity and lag of each mic of a multi-mic group against the group's first mic. */
    public static final String MIC_ALIGNMENT = "micAlignment";

    // ---- nullTest ---------------------------------------------------------------------------------------------

    /** Energy of the residual (mix minus sum of stems) relative to the mix's energy, dB. */
    public static final String RESIDUAL_LEVEL = "residualLevel";
    /** Sample peak of the residual over all channels, dBFS. */
    public static final String RESIDUAL_PEAK = "residualPeak";
    /** Sample peak of the mix over all channels, dBFS. */
    public static final String MIX_PEAK = "mixPeak";
    /** Sample peak of the sum of the stems over all channels, dBFS. */
    public static final String SUM_PEAK = "sumPeak";
    /** {@link #SUM_PEAK} minus {@link #MIX_PEAK}, dB: how far the mix bus pulled the peaks down (negative: up). */
    public static final String PEAK_REDUCTION = "peakReduction";
    /**
     * Share of the residual's energy in the frames where the sum of the stems is within {@link #PEAK_WINDOW_DB} of
     * its own sample peak (frame level: the larger channel), %.
     */
    public static final String RESIDUAL_AT_PEAKS = "residualAtPeaksShare";
    /** Share of all frames where the sum is within {@link #PEAK_WINDOW_DB} of its peak, %: an even residual's share. */
    public static final String FRAMES_AT_PEAKS = "framesAtPeaksShare";
    /** Correlation of the residual with the mix over all samples and channels, -1..1, ratio. */
    public static final String RESIDUAL_MIX_CORRELATION = "residualMixCorrelation";
    /** Correlation of the residual with the sum of the stems, -1..1, ratio (-1: the bus only scaled the sum). */
    public static final String RESIDUAL_SUM_CORRELATION = "residualSumCorrelation";
    /** Least-squares gain from the sum of the stems to the mix, dB (a master fader not at 0 dB shows here). */
    public static final String FIT_GAIN = "fitGain";
    /** Energy of what is left after that gain, relative to the mix's energy, dB. */
    public static final String FITTED_RESIDUAL_LEVEL = "fittedResidualLevel";

    /** The window below the sum's peak that {@link #RESIDUAL_AT_PEAKS} looks at, dB. */
    public static final double PEAK_WINDOW_DB = 3.0;

    // ---- micAlignment -----------------------------------------------------------------------------------------

    /** Number of pairs measured (group size minus one), count. */
    public static final String PAIRS = "pairs";

    /** Lag of track {@code k} behind track 0, ms (positive: track k arrives later), within +-10 ms. */
    public static String pairLag(int k) {
        return "pair." + k + ".lag";
    }

    /** 1 when track {@code k} is in opposite polarity to track 0, else 0, flag. */
    public static String pairInverted(int k) {
        return "pair." + k + ".inverted";
    }

    /** Normalised cross-correlation of track 0 and track {@code k} at the lag, -1..1, ratio (sign = polarity). */
    public static String pairCorrelation(int k) {
        return "pair." + k + ".correlation";
    }

    /** Height of the PHAT-weighted correlation peak, 0..1, ratio: how clearly one lag stands out. */
    public static String pairCoherence(int k) {
        return "pair." + k + ".coherence";
    }

    // ---- reasons ----------------------------------------------------------------------------------------------

    /** The residual is exactly zero: the mix is the sum of the stems, sample for sample. */
    public static final String IDENTICAL = "identical";
    /** The mix holds only digital silence. */
    public static final String SILENT_MIX = "silent mix";
    /** The stems hold only digital silence. */
    public static final String SILENT_STEMS = "silent stems";
    /** The mix is not a positive multiple of the sum at all. */
    public static final String NO_FIT = "mix and sum unrelated";
    /** One of the two tracks of a pair holds only digital silence. */
    public static final String SILENT = MeasurementReasons.SILENT;

    private CrossTrackIds() {
    }
}
