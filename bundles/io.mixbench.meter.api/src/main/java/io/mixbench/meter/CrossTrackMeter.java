package io.mixbench.meter;

import java.util.Map;

/**
 * Measures a group of tracks in one streaming pass over all of them in lockstep. Fed on one thread, then
 * {@link #finish()} once.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CrossTrackMeter {

    /**
     * Processes the next block of every track of the group.
     *
     * @param blocks {@code blocks[track][channel][frame]}, full scale = 1.0; a track that has already ended
     *            delivers zeros; only read, never kept
     * @param frames the number of valid frames in each array
     */
    void process(float[][][] blocks, int frames);

    /** Ends the measurement; the measurements describe the group. Never null. */
    Map<String, Measurement> finish();
}
