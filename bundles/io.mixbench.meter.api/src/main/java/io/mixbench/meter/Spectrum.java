package io.mixbench.meter;

/**
 * Values over frequency, e.g. a long-term average spectrum in 1/3-octave bands.
 *
 * @param frequenciesHz band centre frequencies, Hz, ascending
 * @param values one value per band, in {@code unit}
 * @param unit the unit of the values
 */
public record Spectrum(double[] frequenciesHz, double[] values, String unit) implements Measurement {

    public Spectrum {
        frequenciesHz = frequenciesHz.clone();
        values = values.clone();
        if (frequenciesHz.length != values.length) {
            throw new IllegalArgumentException("one value per frequency");
        }
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
