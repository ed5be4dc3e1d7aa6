package io.mixbench.meter;

/**
 * Stable ids of the standard measurements. Reports and rules refer to measurements by these ids; an id is
 * never renamed once released.
 */
public final class MeasurementIds {
    /** Highest absolute sample value over all channels, dBFS. {@link Scalar}; per channel in {@link #SAMPLE_PEAK_PER_CHANNEL}. */
    public static final String SAMPLE_PEAK = "samplePeak";
    public static final String SAMPLE_PEAK_PER_CHANNEL = "samplePeakPerChannel";
    /** max(true peak, sample peak), dBTP (BS.1770 Annex 2 oversampling). */
    public static final String TRUE_PEAK = "truePeak";
    public static final String TRUE_PEAK_PER_CHANNEL = "truePeakPerChannel";
    /** RMS over the whole file and all channels, AES17 convention (a full-scale sine reads 0 dBFS), dBFS. */
    public static final String RMS = "rms";
    /** AES17 RMS over the parts where the track plays ({@link #ACTIVITY}), dBFS. */
    public static final String RMS_ACTIVE = "rmsActive";
    /** Integrated (gated) loudness, BS.1770, LUFS. Mono files are measured as one channel. */
    public static final String INTEGRATED_LOUDNESS = "integratedLoudness";
    /** Highest momentary (400 ms) loudness, LUFS. */
    public static final String MOMENTARY_MAX = "momentaryMax";
    /** Highest short-term (3 s) loudness, LUFS. */
    public static final String SHORT_TERM_MAX = "shortTermMax";
    /** Crest factor: sample peak over the plain (not AES17) RMS, dB; a sine reads 3.01 dB. */
    public static final String CREST_FACTOR = "crestFactor";
    /** Stereo balance, left minus right channel power, dB (positive: left louder). 0 for mono. */
    public static final String BALANCE = "balance";
    /** Energy-based pan position of the whole signal, -100 (hard left) .. +100 (hard right), %. */
    public static final String PAN = "pan";
    /** Energy-based pan position below the low-end crossover, -100 (hard left) .. +100 (hard right), %. */
    public static final String LOW_END_PAN = "lowEndPan";
    /** Side energy relative to mid energy below the low-end crossover, dB, within -100 (centred) .. +100 (all side). */
    public static final String LOW_END_SIDE = "lowEndSide";
    /** Share of the file's duration where the track plays, %. */
    public static final String ACTIVE_SHARE = "activeShare";

    /** {@link Series}: momentary loudness at each 100 ms step, LUFS. */
    public static final String MOMENTARY_SERIES = "momentaryLoudnessSeries";
    /** {@link Series}: short-term loudness at each 100 ms step, LUFS. */
    public static final String SHORT_TERM_SERIES = "shortTermLoudnessSeries";
    /** {@link Series}: sample peak within each 100 ms step, dBFS. */
    public static final String PEAK_SERIES = "peakSeries";
    /** {@link Series}: AES17 RMS within each 100 ms step, dBFS. */
    public static final String RMS_SERIES = "rmsSeries";
    /** {@link Series}: 1 where the track plays in each 100 ms step, else 0 (unit {@link Units#FLAG}). */
    public static final String ACTIVITY = "activity";
    /**
     * {@link Series}: the sample peak at each step that is a hit, NaN at every other step, dBFS. A hit is a local
     * maximum of the {@link #PEAK_SERIES} on an active step ({@link HitPeaks}). Since 1.4.
     */
    public static final String HIT_PEAK_SERIES = "hitPeakSeries";
    /**
     * {@link Series}: the sections of the track by its short-term loudness ({@link SongSections} at its default
     * parameters): at each step, the mean short-term loudness of the section that holds it, LUFS; a boundary is where
     * the value changes. Since 1.4.
     */
    public static final String SECTION_LOUDNESS_SERIES = "sectionLoudnessSeries";

    /** Loudness range, EBU Tech 3342, LU; absent under 3 s of complete short-term windows. */
    public static final String LOUDNESS_RANGE = "loudnessRange";
    /** 1 when the file is long enough (60 s) for a stable loudness range (Tech 3341), else 0; {@link Units#FLAG}. */
    public static final String LOUDNESS_RANGE_STABLE = "loudnessRangeStable";
    /** Peak-to-loudness ratio: true peak minus integrated loudness, LU. */
    public static final String PLR = "plr";
    /** Median over the 3 s windows of true peak minus short-term loudness, LU. */
    public static final String PSR_MEDIAN = "psrMedian";
    /** Highest AES17 RMS over 300 ms windows (10 ms grid), dBFS. */
    public static final String RMS_MAX_300MS = "rmsMax300ms";
    /** DC offset of the channel with the largest offset, signed, % of full scale; per channel below. */
    public static final String DC_OFFSET = "dcOffset";
    public static final String DC_OFFSET_PER_CHANNEL = "dcOffsetPerChannel";
    /** Runs of 3 or more consecutive same-sign samples within 1 LSB of full scale, {@link Units#COUNT}. */
    public static final String CLIPPED_RUNS = "clippedRuns";
    /** Float samples above 0 dBFS (not clipped in the file, but they will clip on export), {@link Units#COUNT}. */
    public static final String OVER_FULL_SCALE_SAMPLES = "overFullScaleSamples";
    /** Runs of oversampled points above 0 dBTP, all channels, {@link Units#COUNT}. */
    public static final String INTER_SAMPLE_OVERS = "interSampleOvers";
    /** Phase correlation of left and right over the file, ratio -1..1; 1 for mono. */
    public static final String CORRELATION = "correlation";
    /** {@link Series}: correlation per 100 ms step, ratio; NaN where a side is silent. */
    public static final String CORRELATION_SERIES = "correlationSeries";
    /** Side over mid energy, dB; absent for mono. */
    public static final String WIDTH = "width";
    /** How much quieter the track gets folded to mono (M = (L+R)/2 on both channels), dB: 0 centred, -3.01 hard-panned or uncorrelated, -100 when it vanishes. */
    public static final String MONO_SUM_LOSS = "monoSumLoss";
    /** Left minus right energy below the low-end crossover, dB. */
    public static final String LOW_END_BALANCE = "lowEndBalance";
    /** Correlation of left and right below the low-end crossover, ratio. */
    public static final String LOW_END_CORRELATION = "lowEndCorrelation";

    /**
     * Group measurements of the {@code nullTest} cross-track meter (the mix against the sum of the stems): residual
     * level relative to the mix (dB), residual peak, mix peak and sum peak (dBFS), peak reduction (dB), the share
     * of residual energy where the sum is near its peak and the share of frames there (%), residual correlations
     * (ratio), fitted master gain and the residual left after it (dB). See docs/rules.md, bus.limiting.
     */
    public static final String NULL_TEST_RESIDUAL_LEVEL = "residualLevel";
    public static final String NULL_TEST_RESIDUAL_PEAK = "residualPeak";
    public static final String NULL_TEST_MIX_PEAK = "mixPeak";
    public static final String NULL_TEST_SUM_PEAK = "sumPeak";
    public static final String NULL_TEST_PEAK_REDUCTION = "peakReduction";
    public static final String NULL_TEST_RESIDUAL_AT_PEAKS_SHARE = "residualAtPeaksShare";
    public static final String NULL_TEST_FRAMES_AT_PEAKS_SHARE = "framesAtPeaksShare";
    public static final String NULL_TEST_RESIDUAL_MIX_CORRELATION = "residualMixCorrelation";
    public static final String NULL_TEST_RESIDUAL_SUM_CORRELATION = "residualSumCorrelation";
    public static final String NULL_TEST_FIT_GAIN = "fitGain";
    public static final String NULL_TEST_FITTED_RESIDUAL_LEVEL = "fittedResidualLevel";
    /**
     * The bus's gain over time in the {@code nullTest} group (10 ms least-squares gains from the sum to the mix): the
     * gain where the bus idles (dB), the loudest hit's gain reduction below it (dB), the share of the song reduced
     * (%), the reduction per 100 ms ({@link Series}, dB), what a gain per step leaves unexplained where it is reduced
     * (dB), the quiet samples' share of the reduction (%) and its correlation with the sum's level (ratio). See
     * docs/measurements.md. Since 1.3.
     */
    public static final String NULL_TEST_MAKE_UP_GAIN = "makeUpGain";
    public static final String NULL_TEST_PEAK_GAIN_REDUCTION = "peakGainReduction";
    public static final String NULL_TEST_LIMITED_SHARE = "limitedShare";
    public static final String NULL_TEST_GAIN_REDUCTION_SERIES = "gainReductionSeries";
    public static final String NULL_TEST_LIMITED_FIT_RESIDUAL = "limitedFitResidual";
    public static final String NULL_TEST_REDUCTION_SPREAD = "reductionSpread";
    public static final String NULL_TEST_REDUCTION_LEVEL_CORRELATION = "reductionLevelCorrelation";
    /**
     * Group measurements of the {@code micAlignment} cross-track meter: {@code pairs} (count) and per pair k
     * (1-based, the first track is the reference) {@code pair.k.lag} (ms, positive = later),
     * {@code pair.k.inverted} (flag), {@code pair.k.correlation} and {@code pair.k.coherence} (ratio).
     */
    public static final String MIC_ALIGNMENT_PAIRS = "pairs";

    /** {@link Spectrum}: the 31 1/3-octave bands 20 Hz..20 kHz of the mid (mean of the channels), dBFS. */
    public static final String THIRD_OCTAVE_SPECTRUM = "thirdOctaveSpectrum";
    /** {@link Spectrum}: as {@link #THIRD_OCTAVE_SPECTRUM} for the left channel of a two-channel file. */
    public static final String THIRD_OCTAVE_SPECTRUM_LEFT = "thirdOctaveSpectrum.left";
    /** {@link Spectrum}: as {@link #THIRD_OCTAVE_SPECTRUM} for the right channel of a two-channel file. */
    public static final String THIRD_OCTAVE_SPECTRUM_RIGHT = "thirdOctaveSpectrum.right";
    /**
     * {@link Spectrum}: the seven tonal-balance bands of the mid (sub 20-60, low 60-250, low-mid 250-500, mid
     * 500-2k, high-mid 2k-4k, high 4k-10k, air 10k-20k Hz), dBFS.
     */
    public static final String TONAL_BALANCE = "tonalBalance";
    /**
     * Prefix of the {@link Series} of mid band level per tonal-balance band at 100 ms, dBFS: the band ids are
     * {@code sub, low, lowMid, mid, highMid, high, air}, e.g. {@code bandEnergySeries.low}.
     */
    public static final String BAND_ENERGY_SERIES_PREFIX = "bandEnergySeries.";
    /**
     * Scalar: the audio bandwidth, Hz: where the content stops (a lossy encoder's low-pass, a low sample rate's
     * Nyquist frequency, a resampler's anti-alias filter), found from 4 to 24 kHz; 4000 means at most 4 kHz.
     */
    public static final String BANDWIDTH = "bandwidth";
    /** {@link Spectrum}: per octave band 31.5 Hz..16 kHz, the correlation of left and right, ratio -1..1. */
    public static final String OCTAVE_CORRELATION = "octaveCorrelation";
    /** {@link Spectrum}: per octave band 31.5 Hz..16 kHz, the mono-sum loss (BRIEF §4), dB, floored at -100. */
    public static final String OCTAVE_MONO_SUM_LOSS = "octaveMonoSumLoss";

    private MeasurementIds() {
    }
}
