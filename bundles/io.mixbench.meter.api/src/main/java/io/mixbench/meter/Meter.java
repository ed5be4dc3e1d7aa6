package io.mixbench.meter;

import java.util.Map;

/**
 * Measures one track in one streaming pass. Created by a {@link MeterFactory} for one file; fed every block
 * of the file in order on one thread; then {@link #finish()} is called once. Implementations allocate their
 * buffers up front and nothing per block.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Meter {

    /**
     * Processes the next block.
     *
     * @param block planar samples, one array per channel, full scale = 1.0; only read, never kept
     * @param frames the number of valid frames at the start of each array
     */
    void process(float[][] block, int frames);

    /**
     * Ends the measurement.
     *
     * @return the measurements keyed by id ({@link MeasurementIds} or the meter's own); never null
     */
    Map<String, Measurement> finish();
}
