package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The "truePeak" meter: BS.1770-5 Annex 2 true peak per channel and overall, dBTP. */
@Component(service = MeterFactory.class, property = MeterFactory.ID + "=" + TruePeakMeterFactory.METER_ID)
public final class TruePeakMeterFactory implements MeterFactory {

    static final String METER_ID = "truePeak";
    private static final Set<String> IDS = Set.of(MeasurementIds.TRUE_PEAK, MeasurementIds.TRUE_PEAK_PER_CHANNEL);

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
        return new TruePeakMeter(format.sampleRateHz(), format.layout());
    }
}
