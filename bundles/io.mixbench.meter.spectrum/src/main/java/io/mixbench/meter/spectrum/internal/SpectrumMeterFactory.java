package io.mixbench.meter.spectrum.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.TonalBands;
import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The "spectrum" meter: Welch long-term average spectrum (JTransforms), 1/3-octave and tonal-balance bands, 100 ms
 * tonal band levels, per-octave stereo correlation and mono-sum loss, and the low end below a crossover (balance,
 * pan, side energy, correlation). Ids in {@link MeasurementIds}. The crossover is the component
 * property {@value #CROSSOVER_PROPERTY} (Hz, default 200); a non-default crossover changes the algorithm version, so
 * cached results of another crossover are measured again.
 * <p>
 * {@code meter.cost}: CPU ms per minute of 48 kHz stereo once compiled (docs/performance.md), by which the engine
 * splits a file's meters between threads.
 */
@Component(service = MeterFactory.class, property = {MeterFactory.ID + "=" + SpectrumMeterFactory.METER_ID,
        "meter.cost=39"})
public final class SpectrumMeterFactory implements MeterFactory {

    static final String METER_ID = "spectrum";
    /** Configuration property: the low-end crossover, Hz. */
    public static final String CROSSOVER_PROPERTY = "lowEndCrossoverHz";
    /** 2: the low end moved here from the "stereo" meter; 3: the bandwidth. */
    private static final String VERSION = "3";
    private static final Set<String> IDS = ids();

    private static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(MeasurementIds.THIRD_OCTAVE_SPECTRUM);
        ids.add(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT);
        ids.add(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT);
        ids.add(MeasurementIds.TONAL_BALANCE);
        for (TonalBands.Band band : TonalBands.BANDS) {
            ids.add(Bands.seriesId(band.id()));
        }
        ids.add(MeasurementIds.OCTAVE_CORRELATION);
        ids.add(MeasurementIds.OCTAVE_MONO_SUM_LOSS);
        ids.add(MeasurementIds.BANDWIDTH);
        ids.add(MeasurementIds.LOW_END_PAN);
        ids.add(MeasurementIds.LOW_END_SIDE);
        ids.add(MeasurementIds.LOW_END_BALANCE);
        ids.add(MeasurementIds.LOW_END_CORRELATION);
        return Set.copyOf(ids);
    }

    /** The component's configuration. */
    @interface Config {
        /** The low-end crossover, Hz. */
        double lowEndCrossoverHz() default SpectrumMeter.DEFAULT_CROSSOVER_HZ;
    }

    private volatile double crossoverHz = SpectrumMeter.DEFAULT_CROSSOVER_HZ;

    public SpectrumMeterFactory() {
    }

    /** A factory with a fixed low-end crossover (tests, tools). */
    public SpectrumMeterFactory(double crossoverHz) {
        this.crossoverHz = checked(crossoverHz);
    }

    @Activate
    @Modified
    void configure(Config config) {
        crossoverHz = checked(config.lowEndCrossoverHz());
    }

    private static double checked(double hz) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            throw new IllegalArgumentException(CROSSOVER_PROPERTY + " must be a positive frequency, was " + hz);
        }
        return hz;
    }

    /** The low-end crossover in use, Hz. */
    public double crossoverHz() {
        return crossoverHz;
    }

    @Override
    public String id() {
        return METER_ID;
    }

    @Override
    public String algorithmVersion() {
        double hz = crossoverHz;
        return hz == SpectrumMeter.DEFAULT_CROSSOVER_HZ ? VERSION : VERSION + "-crossover-" + hz + "Hz";
    }

    @Override
    public Set<String> measurementIds() {
        return IDS;
    }

    @Override
    public Meter create(AudioFormat format) {
        return new SpectrumMeter(format.sampleRateHz(), format.channels(), format.frames(), crossoverHz);
    }
}
