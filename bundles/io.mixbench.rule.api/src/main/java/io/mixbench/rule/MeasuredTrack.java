package io.mixbench.rule;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.session.Track;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A track and what the meters measured on it.
 *
 * @param track the session's track
 * @param format the decoded format; null when the file could not be decoded
 * @param durationSeconds the decoded duration, in seconds
 * @param measurements every measurement, keyed by id
 * @param error why the file could not be (fully) decoded, naming the file; null when it was
 * @param metadata what the file carries beside its samples (BWF time reference, ...), keyed as
 *            {@code io.mixbench.audio.AudioMetadataKeys}; empty when none
 */
public record MeasuredTrack(Track track, AudioFormat format, double durationSeconds,
        Map<String, Measurement> measurements, String error, Map<String, String> metadata) {

    public MeasuredTrack {
        measurements = Map.copyOf(measurements);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A track without metadata. */
    public MeasuredTrack(Track track, AudioFormat format, double durationSeconds, Map<String, Measurement> measurements,
            String error) {
        this(track, format, durationSeconds, measurements, error, Map.of());
    }

    public String name() {
        return track.name();
    }

    public boolean measured() {
        return error == null;
    }

    /** The value of a scalar measurement, empty when it is missing or has no value. */
    public OptionalDouble scalar(String id) {
        if (measurements.get(id) instanceof Scalar s && s.present()) {
            return OptionalDouble.of(s.value());
        }
        return OptionalDouble.empty();
    }

    public Optional<Series> series(String id) {
        return measurements.get(id) instanceof Series s ? Optional.of(s) : Optional.empty();
    }

    public boolean isMono() {
        return format != null && format.layout().isMono();
    }
}
