package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The "levels" meter: sample and true peak, AES17 RMS, crest factor, health (DC, clipping, overs), BS.1770
 * loudness with loudness range, PLR and PSR, the 100 ms series, activity, the hits of the peak series and the sections of the
 * short-term loudness. True peak is measured here, in the same
 * pass as loudness, because PLR and PSR need it.
 * <p>
 * {@code meter.cost}: CPU ms per minute of 48 kHz stereo once compiled (docs/performance.md), by which the engine
 * splits a file's meters between threads.
 */
@Component(service = MeterFactory.class, property = {MeterFactory.ID + "=" + LevelsMeterFactory.METER_ID,
        "meter.cost=17"})
public final class LevelsMeterFactory implements MeterFactory {

    static final String METER_ID = "levels";
    private static final Set<String> IDS = Set.of(MeasurementIds.SAMPLE_PEAK, MeasurementIds.SAMPLE_PEAK_PER_CHANNEL,
            MeasurementIds.TRUE_PEAK, MeasurementIds.TRUE_PEAK_PER_CHANNEL, MeasurementIds.RMS,
            MeasurementIds.CREST_FACTOR, MeasurementIds.INTEGRATED_LOUDNESS, MeasurementIds.MOMENTARY_MAX,
            MeasurementIds.SHORT_TERM_MAX, MeasurementIds.MOMENTARY_SERIES, MeasurementIds.SHORT_TERM_SERIES,
            MeasurementIds.PEAK_SERIES, MeasurementIds.RMS_SERIES, MeasurementIds.ACTIVITY,
            MeasurementIds.HIT_PEAK_SERIES, MeasurementIds.SECTION_LOUDNESS_SERIES,
            MeasurementIds.ACTIVE_SHARE, MeasurementIds.RMS_ACTIVE, MeasurementIds.LOUDNESS_RANGE,
            MeasurementIds.LOUDNESS_RANGE_STABLE, MeasurementIds.PLR, MeasurementIds.PSR_MEDIAN,
            MeasurementIds.RMS_MAX_300MS,
            MeasurementIds.DC_OFFSET, MeasurementIds.DC_OFFSET_PER_CHANNEL, MeasurementIds.CLIPPED_RUNS,
            MeasurementIds.OVER_FULL_SCALE_SAMPLES, MeasurementIds.INTER_SAMPLE_OVERS);

    @Override
    public String id() {
        return METER_ID;
    }

    @Override
    public String algorithmVersion() {
        // 3: adds hitPeakSeries and sectionLoudnessSeries, so cached results of version 2 are measured again
        return "3";
    }

    @Override
    public Set<String> measurementIds() {
        return IDS;
    }

    @Override
    public Meter create(AudioFormat format) {
        return new LevelsMeter(format);
    }
}
