package io.mixbench.rules.standard.internal;

import io.mixbench.meter.SongSections;
import io.mixbench.rule.TimeRange;
import java.util.List;
import java.util.Locale;

/**
 * Sections of a song as the rules use them: the meter API's {@link SongSections} at the rule's own parameters (the
 * levels meter publishes them at the defaults), with their time as a {@link TimeRange}; and times in words.
 */
final class Sections {

    /**
     * One section.
     *
     * @param start first step of the series in it
     * @param end the step after its last
     * @param steadyStart first step whose window lies wholly inside the section (or {@code start})
     * @param steadyEnd the step after the last such step (or {@code end})
     * @param meanLufs the power mean of its steady steps' short-term loudness (floored), LUFS
     * @param range where it lies in time, boundaries moved back by {@link SongSections#LAG_SECONDS}
     */
    record Section(int start, int end, int steadyStart, int steadyEnd, double meanLufs, TimeRange range) {
    }

    private Sections() {
    }

    /**
     * The sections of a short-term loudness series ({@link SongSections#detect}).
     *
     * @param lufs the series (NaN for silence)
     * @param stepSeconds its step, s
     * @param minSeconds the shortest section, s
     * @param minChangeLu the smallest difference of loudness between neighbouring sections, LU
     */
    static List<Section> detect(double[] lufs, double stepSeconds, double minSeconds, double minChangeLu) {
        return SongSections.detect(lufs, stepSeconds, minSeconds, minChangeLu).stream()
                .map(s -> new Section(s.start(), s.end(), s.steadyStart(), s.steadyEnd(), s.meanLufs(),
                        new TimeRange(s.startSeconds(), s.endSeconds())))
                .toList();
    }

    /** E.g. "1:04.0". */
    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** E.g. "1:04.0-1:36.0". */
    static String clock(TimeRange range) {
        return clock(range.startSeconds()) + "-" + clock(range.endSeconds());
    }
}
