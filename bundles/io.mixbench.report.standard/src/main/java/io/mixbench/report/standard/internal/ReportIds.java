package io.mixbench.report.standard.internal;

import io.mixbench.meter.MeasurementIds;

/**
 * Short names for the measurement ids ({@link io.mixbench.meter.MeasurementIds}) the HTML report draws. Which findings
 * it lays out as tables their tags say ({@link io.mixbench.rule.Finding#tags()}), not their rule ids.
 */
final class ReportIds {
    /** Phase correlation of left and right over the whole file, ratio -1..1. */
    static final String CORRELATION = MeasurementIds.CORRELATION;
    /** Side energy relative to mid energy, dB. */
    static final String WIDTH = MeasurementIds.WIDTH;
    /** Level change when folded to mono, dB, at most 0. */
    static final String MONO_SUM_LOSS = MeasurementIds.MONO_SUM_LOSS;
    /** Left minus right power below the low-end crossover, dB. */
    static final String LOW_END_BALANCE = MeasurementIds.LOW_END_BALANCE;
    /** Phase correlation below the low-end crossover, ratio. */
    static final String LOW_END_CORRELATION = MeasurementIds.LOW_END_CORRELATION;
    /** {@link io.mixbench.meter.Spectrum}: 1/3-octave bands 20 Hz..20 kHz of the mid, dBFS. */
    static final String THIRD_OCTAVE = MeasurementIds.THIRD_OCTAVE_SPECTRUM;
    /** {@link io.mixbench.meter.Spectrum}: the seven tonal-balance bands of the mid, dBFS. */
    static final String TONAL_BALANCE = MeasurementIds.TONAL_BALANCE;

    private ReportIds() {
    }
}
