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
    /** {@link Spectrum}: per octave band 31.5 Hz..16 kHz, the correlation of left and right, ratio -1..1. */
    public static final String OCTAVE_CORRELATION = "octaveCorrelation";
    /** {@link Spectrum}: per octave band 31.5 Hz..16 kHz, the mono-sum loss (BRIEF §4), dB, floored at -100. */
    public static final String OCTAVE_MONO_SUM_LOSS = "octaveMonoSumLoss";

    private MeasurementIds() {
    }
}
