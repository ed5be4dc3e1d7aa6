package io.mixbench.meter.spectrum.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The "spectrum" meter: Welch long-term average spectrum (JTransforms), 1/3-octave and tonal-balance bands, 100 ms
 * tonal band levels, per-octave stereo correlation and mono-sum loss. Ids in {@link SpectrumIds}.
 */
@Component(service = MeterFactory.class, property = MeterFactory.ID + "=" + SpectrumMeterFactory.METER_ID)
public final class SpectrumMeterFactory implements MeterFactory {

    static final String METER_ID = "spectrum";
    private static final Set<String> IDS = ids();

    private static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(SpectrumIds.THIRD_OCTAVE);
        ids.add(SpectrumIds.THIRD_OCTAVE_LEFT);
        ids.add(SpectrumIds.THIRD_OCTAVE_RIGHT);
        ids.add(SpectrumIds.TONAL_BALANCE);
        for (Bands.TonalBand band : Bands.TONAL) {
            ids.add(SpectrumIds.bandEnergySeries(band.id()));
        }
        ids.add(SpectrumIds.OCTAVE_CORRELATION);
        ids.add(SpectrumIds.OCTAVE_MONO_SUM_LOSS);
        return Set.copyOf(ids);
    }

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
        return new SpectrumMeter(format.sampleRateHz(), format.channels(), format.frames());
    }
}
