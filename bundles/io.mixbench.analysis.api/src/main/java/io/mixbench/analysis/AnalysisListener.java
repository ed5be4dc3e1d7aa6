package io.mixbench.analysis;

import io.mixbench.rule.MeasuredTrack;

/**
 * Hears how an analysis goes. Called on analysis threads, possibly concurrently; must return quickly (a UI
 * hops to its own thread).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AnalysisListener {

    AnalysisListener NONE = new AnalysisListener() {
    };

    /**
     * @param fraction share of the work done, 0..1, never decreasing
     * @param message what is being done, e.g. "Measuring Kick"
     */
    default void progress(double fraction, String message) {
    }

    /** A track has been measured (or failed to decode: see {@link MeasuredTrack#error()}). */
    default void trackMeasured(MeasuredTrack track) {
    }

    /**
     * Something about how the analysis went that does not change its result, in a sentence naming the file, e.g. a
     * damaged analysis cache entry that was discarded (the file was measured again). For a verbose log.
     *
     * @since 1.1
     */
    default void note(String message) {
    }
}
