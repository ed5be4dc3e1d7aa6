package io.mixbench.meter.standard.internal;

/**
 * Ids of the measurements this bundle adds beside {@link io.mixbench.meter.MeasurementIds}. Stable once released;
 * every one is described in docs/measurements.md.
 */
public final class StandardIds {
    /** Loudness range, EBU Tech 3342, LU; absent with fewer than 3 s of complete short-term values. */
    public static final String LOUDNESS_RANGE = "loudnessRange";
    /** 1 when the loudness range rests on at least 60 s of programme (Tech 3341 section 2.5), else 0; flag. */
    public static final String LOUDNESS_RANGE_STABLE = "loudnessRangeStable";
    /** Peak to loudness ratio: true peak (dBTP) minus integrated loudness (LUFS), LU. */
    public static final String PLR = "plr";
    /** Median over the file of the true peak within each complete 3 s window minus its short-term loudness, LU. */
    public static final String PSR_MEDIAN = "psrMedian";
    /** Highest AES17 RMS over any 300 ms window (10 ms grid, all channels), dBFS. */
    public static final String RMS_MAX_300MS = "rmsMax300ms";
    /** DC offset: the mean sample value, % of full scale, signed; overall the channel with the largest magnitude. */
    public static final String DC_OFFSET = "dcOffset";
    public static final String DC_OFFSET_PER_CHANNEL = "dcOffsetPerChannel";
    /** Runs of at least 3 consecutive same-sign samples within 1 LSB of full scale, all channels, count. */
    public static final String CLIPPED_RUNS = "clippedRuns";
    /** Samples above full scale (only float or lossy sources can have them), all channels, count. */
    public static final String OVER_FULL_SCALE_SAMPLES = "overFullScaleSamples";
    /** Runs of consecutive oversampled points above 0 dBTP, all channels, count. */
    public static final String INTER_SAMPLE_OVERS = "interSampleOvers";

    /** Phase correlation of left and right over the whole file, -1..1, ratio. */
    public static final String CORRELATION = "correlation";
    /** {@link io.mixbench.meter.Series}: phase correlation in each 100 ms step, ratio; NaN where a side is silent. */
    public static final String CORRELATION_SERIES = "correlationSeries";
    /** Side energy relative to mid energy over the whole band, dB within -100..100. */
    public static final String WIDTH = "width";
    /** Level change when folded to mono (M = (L + R) / 2 on both channels), dB, at most 0. */
    public static final String MONO_SUM_LOSS = "monoSumLoss";

    private StandardIds() {
    }
}
