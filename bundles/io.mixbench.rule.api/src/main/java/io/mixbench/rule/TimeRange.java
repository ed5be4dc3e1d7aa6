package io.mixbench.rule;

/**
 * A stretch of time from the start of the session's files.
 *
 * @param startSeconds start, in seconds
 * @param endSeconds end, in seconds, not before the start
 */
public record TimeRange(double startSeconds, double endSeconds) {

    public TimeRange {
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("a time range ends after it starts");
        }
    }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
