package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The "stereo" meter: balance, pan, correlation (overall and per 100 ms), width, mono-sum loss, and below the
 * low-end crossover balance, pan, side energy and correlation. The crossover is the component property
 * {@value #CROSSOVER_PROPERTY} (Hz, default 200); a non-default crossover changes the algorithm version, so cached
 * results of another crossover are measured again.
 */
@Component(service = MeterFactory.class, property = MeterFactory.ID + "=" + StereoMeterFactory.METER_ID)
public final class StereoMeterFactory implements MeterFactory {

    static final String METER_ID = "stereo";
    /** Configuration property: the low-end crossover, Hz. */
    public static final String CROSSOVER_PROPERTY = "lowEndCrossoverHz";
    private static final String VERSION = "2";
    private static final Set<String> IDS = Set.of(MeasurementIds.BALANCE, MeasurementIds.PAN,
            MeasurementIds.LOW_END_PAN, MeasurementIds.LOW_END_SIDE, StandardIds.CORRELATION,
            StandardIds.CORRELATION_SERIES, StandardIds.WIDTH, StandardIds.MONO_SUM_LOSS, StandardIds.LOW_END_BALANCE,
            StandardIds.LOW_END_CORRELATION);

    /** The component's configuration. */
    @interface Config {
        /** The low-end crossover, Hz. */
        double lowEndCrossoverHz() default StereoMeter.DEFAULT_CROSSOVER_HZ;
    }

    private volatile double crossoverHz = StereoMeter.DEFAULT_CROSSOVER_HZ;

    public StereoMeterFactory() {
    }

    /** A factory with a fixed crossover (tests, tools). */
    public StereoMeterFactory(double crossoverHz) {
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
        return hz == StereoMeter.DEFAULT_CROSSOVER_HZ ? VERSION : VERSION + "-crossover-" + hz + "Hz";
    }

    @Override
    public Set<String> measurementIds() {
        return IDS;
    }

    @Override
    public Meter create(AudioFormat format) {
        return new StereoMeter(format.sampleRateHz(), format.channels(), crossoverHz, format.frames());
    }
}
