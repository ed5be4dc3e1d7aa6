package io.mixbench.rule;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a cross-track meter measured on a group of tracks (io.mixbench.meter.CrossTrackMeterFactory).
 *
 * @param meterId the cross-track meter's id
 * @param tracks the display names of the group's tracks, in the meter's order
 * @param measurements the measurements, keyed by id
 */
public record GroupMeasurement(String meterId, List<String> tracks, Map<String, Measurement> measurements) {

    public GroupMeasurement {
        tracks = List.copyOf(tracks);
        measurements = Map.copyOf(measurements);
    }

    /** The value of a scalar measurement, empty when it is missing or has no value. */
    public OptionalDouble scalar(String id) {
        if (measurements.get(id) instanceof Scalar s && s.present()) {
            return OptionalDouble.of(s.value());
        }
        return OptionalDouble.empty();
    }
}
