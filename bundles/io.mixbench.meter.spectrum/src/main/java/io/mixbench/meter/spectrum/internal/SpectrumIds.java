package io.mixbench.meter.spectrum.internal;

/**
 * Stable ids of the measurements of the "spectrum" meter (listed with units and shapes in
 * docs/measurements-spectrum.md). Band levels are AES17-style dBFS: the mean-square power in the band relative to
 * that of a full-scale sine, so a full-scale sine inside a band reads 0 dBFS there. A {@link io.mixbench.meter.Spectrum}
 * value is NaN where the band lies above the Nyquist frequency, holds no energy, or the measure needs stereo.
 */
public final class SpectrumIds {
    /** Spectrum over the 31 1/3-octave bands 20 Hz..20 kHz of the mid (mean of the channels), dBFS. */
    public static final String THIRD_OCTAVE = "thirdOctaveSpectrum";
    /** As {@link #THIRD_OCTAVE} for the left channel of a two-channel file; NaN otherwise. */
    public static final String THIRD_OCTAVE_LEFT = "thirdOctaveSpectrum.left";
    /** As {@link #THIRD_OCTAVE} for the right channel of a two-channel file; NaN otherwise. */
    public static final String THIRD_OCTAVE_RIGHT = "thirdOctaveSpectrum.right";
    /** Spectrum over the seven tonal-balance bands ({@link Bands#TONAL}) of the mid, dBFS. */
    public static final String TONAL_BALANCE = "tonalBalance";
    /** Prefix of the 100 ms series of mid band level, one per tonal-balance band, e.g. "bandEnergySeries.low". */
    public static final String BAND_ENERGY_SERIES_PREFIX = "bandEnergySeries.";
    /** Spectrum over the octave bands 31.5 Hz..16 kHz: Re(Sxy) / sqrt(Sxx Syy) of left and right, ratio. */
    public static final String OCTAVE_CORRELATION = "octaveCorrelation";
    /** Spectrum over the octave bands 31.5 Hz..16 kHz: mono-sum loss (BRIEF §4), dB, floored at -100 dB. */
    public static final String OCTAVE_MONO_SUM_LOSS = "octaveMonoSumLoss";

    /** Left minus right power below the low-end crossover, dB within -100..100. */
    public static final String LOW_END_BALANCE = "lowEndBalance";
    /** Phase correlation below the low-end crossover, ratio. */
    public static final String LOW_END_CORRELATION = "lowEndCorrelation";

    private SpectrumIds() {
    }

    /** The id of the band-level series of one tonal-balance band. */
    public static String bandEnergySeries(String bandId) {
        return BAND_ENERGY_SERIES_PREFIX + bandId;
    }
}
