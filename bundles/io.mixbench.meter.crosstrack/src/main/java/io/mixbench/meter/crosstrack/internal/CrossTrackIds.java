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

    /**
     * The bus's gain where it idles, dB: a high percentile of the 10 ms steps' least-squares gains from the sum to the
     * mix (a limiter only ever lowers the gain, so where it idles the gain is highest). A limiter's make-up gain.
     */
    public static final String MAKE_UP_GAIN = "makeUpGain";
    /**
     * {@link #SUM_PEAK} plus {@link #MAKE_UP_GAIN} minus {@link #MIX_PEAK}, dB: how far the bus pulled the loudest hit
     * down from where the make-up gain alone would have put it (a limiter's peak gain reduction).
     */
    public static final String PEAK_GAIN_REDUCTION = "peakGainReduction";
    /** Share of the song's 10 ms steps whose gain lies 0.5 dB or more below {@link #MAKE_UP_GAIN}, %. */
    public static final String LIMITED_SHARE = "limitedShare";
    /**
     * Series, dB: per 100 ms step, the largest gain reduction (make-up gain minus the step's gain) of its 10 ms
     * steps; NaN where the sum is more than 40 dB below its peak.
     */
    public static final String GAIN_REDUCTION_SERIES = "gainReductionSeries";
    /**
     * Over the limited steps, the median of the energy a gain per 10 ms step leaves unexplained, relative to the
     * step's mix energy, dB: low for a gain change (a limiter), high for EQ and heavy distortion, which no gain
     * explains.
     */
    public static final String LIMITED_FIT_RESIDUAL = "limitedFitResidual";
    /**
     * In the limited steps, the gain reduction of the quiet samples (below half the step's peak) as a share of that
     * of the loud samples, %: near 100 for a gain envelope (a limiter or compressor lowers the whole neighbourhood of a
     * peak and recovers slowly), near 0 for saturation or clipping, which bends only the samples near the peak.
     */
    public static final String REDUCTION_SPREAD = "reductionSpread";
    /** Correlation of each active 10 ms step's gain reduction with the sum's peak level in it, ratio -1..1. */
    public static final String REDUCTION_LEVEL_CORRELATION = "reductionLevelCorrelation";

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
    /** Fewer than 10 steps of 10 ms where the sum plays: too short to follow the bus's gain. */
    public static final String TOO_SHORT = "too short";
    /** No step's gain lies 0.5 dB below the make-up gain. */
    public static final String NOT_LIMITED = "not limited";
    /** The bus's gain is the same in every step. */
    public static final String NO_GAIN_CHANGE = "no gain change";
    /** One of the two tracks of a pair holds only digital silence. */
    public static final String SILENT = MeasurementReasons.SILENT;

    private CrossTrackIds() {
    }
}
