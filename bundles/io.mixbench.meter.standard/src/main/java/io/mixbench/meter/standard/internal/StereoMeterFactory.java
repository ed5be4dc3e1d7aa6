package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The "stereo" meter: balance, pan, correlation (overall and per 100 ms), width and mono-sum loss over the whole band.
 * The low end below the crossover comes from the "spectrum" meter.
 * <p>
 * {@code meter.cost}: CPU ms per minute of 48 kHz stereo once compiled (docs/performance.md), by which the engine
 * splits a file's meters between threads.
 */
@Component(service = MeterFactory.class, property = {MeterFactory.ID + "=" + StereoMeterFactory.METER_ID,
        "meter.cost=2"})
public final class StereoMeterFactory implements MeterFactory {

    static final String METER_ID = "stereo";
    /** 3: the low end moved to the spectrum meter; sums split between even and odd frames. */
    private static final String VERSION = "3";
    private static final Set<String> IDS = Set.of(MeasurementIds.BALANCE, MeasurementIds.PAN,
            MeasurementIds.CORRELATION,
            MeasurementIds.CORRELATION_SERIES, MeasurementIds.WIDTH, MeasurementIds.MONO_SUM_LOSS);

    @Override
    public String id() {
        return METER_ID;
    }

    @Override
    public String algorithmVersion() {
        return VERSION;
    }

    @Override
    public Set<String> measurementIds() {
        return IDS;
    }

    @Override
    public Meter create(AudioFormat format) {
        return new StereoMeter(format.sampleRateHz(), format.channels(), format.frames());
    }
}
