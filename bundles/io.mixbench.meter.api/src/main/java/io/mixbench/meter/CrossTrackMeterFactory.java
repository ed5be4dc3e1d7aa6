package io.mixbench.meter;

import java.util.List;

/**
 * A meter of several tracks at once (a null test of the mix against the sum of the stems, the polarity and time
 * alignment of the mics of one source), registered as an OSGi service. After every track has been measured on its
 * own, the analysis asks each factory which groups of tracks to measure together, decodes each group's files in
 * lockstep and feeds one {@link CrossTrackMeter} per group. Called from analysis threads; {@link #groups} and
 * {@link #create} must be thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CrossTrackMeterFactory {

    /** Service property: the meter's id. Type: String. */
    String ID = MeterFactory.ID;

    /** The meter's stable id, e.g. {@code "nullTest"}. */
    String id();

    /** The version of the algorithm; change it whenever the values it measures change. */
    String algorithmVersion();

    /**
     * The groups to measure: each array holds indices into {@code tracks}, in the order the meter wants them.
     * Tracks whose files could not be decoded are not offered.
     *
     * @return the groups; empty when there is nothing to measure together
     */
    List<int[]> groups(List<TrackInfo> tracks);

    /** Creates the meter for one group, in the order {@link #groups} gave. */
    CrossTrackMeter create(List<TrackInfo> group);
}
