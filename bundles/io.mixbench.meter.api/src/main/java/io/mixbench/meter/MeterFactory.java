package io.mixbench.meter;

import io.mixbench.audio.AudioFormat;
import java.util.Set;

/**
 * A meter plug-in, registered as an OSGi service. Called from analysis threads, concurrently: {@link #create}
 * must be thread-safe; each {@link Meter} it creates is used by one thread.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface MeterFactory {

    /** Service property: the meter's id, e.g. {@code "loudness"}. Type: String. */
    String ID = "meter.id";

    /** The meter's stable id, e.g. {@code "loudness"}. */
    String id();

    /**
     * The version of the meter's algorithm. Change it whenever the values it measures change, so cached
     * results of the old version are measured again.
     */
    String algorithmVersion();

    /** The measurement ids this meter produces. */
    Set<String> measurementIds();

    /**
     * Creates a meter for one file.
     *
     * @param format the file's format; meters derive filters from its sample rate, never by resampling
     */
    Meter create(AudioFormat format);
}
