package io.mixbench.ui;

import io.mixbench.rule.Finding;
import io.mixbench.rule.TimeRange;
import java.util.List;

/**
 * What the user selected, shared by every view through {@link ViewSite#selection()}: tracks, a time range, and
 * the finding they came from. Immutable.
 *
 * @param tracks display names of the selected tracks, the main one first; empty when none
 * @param timeRange the selected time range, or null for none (the whole session)
 * @param finding the finding that was selected, or null when the selection did not come from a finding
 */
public record Selection(List<String> tracks, TimeRange timeRange, Finding finding) {

    /** Nothing selected. */
    public static final Selection EMPTY = new Selection(List.of(), null, null);

    public Selection {
        tracks = List.copyOf(tracks);
    }

    /** A selection of tracks only. */
    public static Selection ofTracks(List<String> names) {
        return new Selection(names, null, null);
    }

    /**
     * The selection a finding makes: its tracks, and the span of its time ranges (null when it has none).
     */
    public static Selection ofFinding(Finding finding) {
        TimeRange span = null;
        if (!finding.timeRanges().isEmpty()) {
            double start = Double.POSITIVE_INFINITY;
            double end = Double.NEGATIVE_INFINITY;
            for (TimeRange r : finding.timeRanges()) {
                start = Math.min(start, r.startSeconds());
                end = Math.max(end, r.endSeconds());
            }
            span = new TimeRange(start, end);
        }
        return new Selection(finding.tracks(), span, finding);
    }

    public boolean isEmpty() {
        return tracks.isEmpty() && timeRange == null && finding == null;
    }

    /** The main selected track, or null. */
    public String primaryTrack() {
        return tracks.isEmpty() ? null : tracks.get(0);
    }
}
