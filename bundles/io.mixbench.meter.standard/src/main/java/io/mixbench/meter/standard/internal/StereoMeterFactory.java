package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The "stereo" meter: L/R balance, pan position, low-end pan and low-end side energy. */
@Component(service = MeterFactory.class, property = MeterFactory.ID + "=" + StereoMeterFactory.METER_ID)
public final class StereoMeterFactory implements MeterFactory {

    static final String METER_ID = "stereo";
    private static final Set<String> IDS = Set.of(MeasurementIds.BALANCE, MeasurementIds.PAN,
            MeasurementIds.LOW_END_PAN, MeasurementIds.LOW_END_SIDE);

    @Override
    public String id() {
        return METER_ID;
    }

    @Override
    public String algorithmVersion() {
        return "1";
    }

    @Override
    public Set<String> measurementIds() {
        return IDS;
    }

    @Override
    public Meter create(AudioFormat format) {
        return new StereoMeter(format.sampleRateHz(), format.channels());
    }
}
