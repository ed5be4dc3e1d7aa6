package io.mixbench.rules.standard.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.rule.MeasuredTrack;
import java.util.HashMap;
import java.util.Map;

/** Spectra and extra measurements for the stereo, mono and tonal rule tests, beside {@link Fixtures}. */
final class StereoFixtures {

    /** The octave centres of the spectrum meter, Hz. */
    static final double[] OCTAVES = {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    /** The nominal 1/3-octave centres of the spectrum meter, Hz. */
    static final double[] THIRDS = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
            1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};
    /** The tonal-balance bands' reported frequencies, Hz. */
    static final double[] TONAL = {34.6, 122.5, 353.6, 1000, 2828.4, 6324.6, 14142.1};

    private StereoFixtures() {
    }

    /** The track with one more measurement. */
    static MeasuredTrack with(MeasuredTrack track, String id, Measurement measurement) {
        Map<String, Measurement> measurements = new HashMap<>(track.measurements());
        measurements.put(id, measurement);
        return new MeasuredTrack(track.track(), track.format(), track.durationSeconds(), measurements, null);
    }

    /** Per-octave mono-sum loss, dB. */
    static Spectrum octaveLoss(double... losses) {
        return new Spectrum(OCTAVES, losses, Units.DB);
    }

    /** Every octave band at this loss but one. */
    static Spectrum octaveLoss(double loss, double octaveHz, double bandLoss) {
        double[] values = new double[OCTAVES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = OCTAVES[i] == octaveHz ? bandLoss : loss;
        }
        return octaveLoss(values);
    }

    /** The track with left and right 1/3-octave spectra at {@code level}, except {@code quietOctaveHz}'s three bands. */
    static MeasuredTrack sides(MeasuredTrack track, double level, double quietOctaveHz, double quietLevel) {
        double[] values = new double[THIRDS.length];
        for (int i = 0; i < values.length; i++) {
            boolean inQuiet = Math.abs(Math.log(THIRDS[i] / quietOctaveHz) / Math.log(2)) < 0.5;
            values[i] = inQuiet ? quietLevel : level;
        }
        Spectrum side = new Spectrum(THIRDS, values, Units.DBFS);
        return with(with(track, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT, side),
                MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT, side);
    }

    /** A tonal-balance spectrum, dBFS, sub to air. */
    static Spectrum tonal(double... levels) {
        return new Spectrum(TONAL, levels, Units.DBFS);
    }
}
