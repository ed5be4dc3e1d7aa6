package io.mixbench.meter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sections of a song from its short-term loudness curve ({@link MeasurementIds#SHORT_TERM_SERIES}); the one definition
 * of the sections the levels meter publishes ({@link MeasurementIds#SECTION_LOUDNESS_SERIES}, at
 * {@link #DEFAULT_MIN_SECONDS} and {@link #DEFAULT_MIN_CHANGE_LU}) and the section.lift rule judges (at its own
 * parameters). Since 1.4.
 * <ol>
 * <li>Binary segmentation of the curve's power: each segment is split at the step that best separates its two sides
 * in the least-squares sense, as long as both sides last at least the minimum, down to pieces that cannot be split.
 * Splitting down first and merging after finds a short louder passage inside a long quiet one, which a split gated
 * on the size of the change would miss.</li>
 * <li>The 3 s window turns a step of the music into a straight 3 s ramp of power, whose least-squares split lies at
 * its middle whichever way the level moves. The 1.5 s either side of each split are the window straddling the
 * change: they are left out of every mean (as are the first 2.9 s, whose window reaches before the file), so a piece
 * holding half a ramp is not taken for a level of its own.</li>
 * <li>Neighbouring pieces whose power means differ by less than the minimum change are merged, the closest pair
 * first, until every neighbour differs by at least that.</li>
 * <li>Each boundary is moved back by 1.5 s, to where the music changed.</li>
 * </ol>
 */
public final class SongSections {

    /** Loudness below this (and silence) counts as this, LUFS: the BS.1770 absolute gate. */
    public static final double FLOOR_LUFS = -70;
    /** The short-term window, s. */
    public static final double WINDOW_SECONDS = 3;
    /** Boundaries are moved back by half the window, s. */
    public static final double LAG_SECONDS = WINDOW_SECONDS / 2;
    /** The shortest section of the published sections, s. */
    public static final double DEFAULT_MIN_SECONDS = 4;
    /** The least loudness difference between neighbouring published sections, LU. */
    public static final double DEFAULT_MIN_CHANGE_LU = 3;
    /** Differences closer than this to the minimum change count as reaching it: series are floats, LU. */
    private static final double EPSILON_LU = 1e-4;

    /**
     * One section.
     *
     * @param start first step of the series in it
     * @param end the step after its last
     * @param steadyStart first step whose window lies wholly inside the section (or {@code start})
     * @param steadyEnd the step after the last such step (or {@code end})
     * @param meanLufs the power mean of its steady steps' short-term loudness (floored), LUFS
     * @param startSeconds where it starts in time, its boundary moved back by {@link #LAG_SECONDS}, s
     * @param endSeconds where it ends in time, likewise, s
     */
    public record Section(int start, int end, int steadyStart, int steadyEnd, double meanLufs, double startSeconds,
            double endSeconds) {
    }

    private SongSections() {
    }

    /**
     * The sections of a short-term loudness series.
     *
     * @param lufs the series (NaN for silence)
     * @param stepSeconds its step, s
     * @param minSeconds the shortest section, s
     * @param minChangeLu the smallest difference of loudness between neighbouring sections, LU
     */
    public static List<Section> detect(double[] lufs, double stepSeconds, double minSeconds, double minChangeLu) {
        int n = lufs.length;
        if (n == 0) {
            return List.of();
        }
        double[] power = new double[n];
        boolean[] used = new boolean[n];
        int windowSteps = (int) Math.round(WINDOW_SECONDS / stepSeconds);
        for (int i = 0; i < n; i++) {
            double v = Double.isFinite(lufs[i]) ? Math.max(FLOOR_LUFS, lufs[i]) : FLOOR_LUFS;
            power[i] = Math.pow(10, v / 10);
            used[i] = i >= windowSteps - 1;
        }
        int lag = (int) Math.round(LAG_SECONDS / stepSeconds);
        int minSteps = Math.max(1, (int) Math.ceil(minSeconds / stepSeconds - 1e-9));
        List<int[]> pieces = new ArrayList<>();
        split(power, used, 0, n, minSteps, lag, pieces);
        pieces.sort((a, b) -> Integer.compare(a[0], b[0]));

        double[] prefix = new double[n + 1];
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + (used[i] ? power[i] : 0);
            count[i + 1] = count[i] + (used[i] ? 1 : 0);
        }
        while (pieces.size() > 1) {
            int best = -1;
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < pieces.size(); i++) {
                double a = mean(prefix, count, pieces.get(i));
                double b = mean(prefix, count, pieces.get(i + 1));
                // a piece with no steady step is all ramp: it joins a neighbour first
                double d = Double.isNaN(a) || Double.isNaN(b) ? -1 : Math.abs(10 * Math.log10(a / b));
                if (d < smallest) {
                    smallest = d;
                    best = i;
                }
            }
            if (smallest >= minChangeLu - EPSILON_LU) {
                break;
            }
            pieces.set(best, new int[]{pieces.get(best)[0], pieces.get(best + 1)[1]});
            pieces.remove(best + 1);
        }

        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            int[] p = pieces.get(i);
            boolean first = i == 0;
            boolean last = i == pieces.size() - 1;
            int steadyStart = Math.min(p[1], p[0] + (first ? windowSteps - 1 : lag));
            int steadyEnd = last ? p[1] : p[1] - lag;
            if (steadyEnd <= steadyStart) {
                steadyStart = p[0];
                steadyEnd = p[1];
            }
            double m = mean(prefix, count, p);
            if (Double.isNaN(m)) {
                m = plainMean(power, p[0], p[1]);
            }
            // a boundary moves back by the lag, but never onto the one before it
            int from = first ? 0 : Math.max(p[0] - lag, pieces.get(i - 1)[0] + 1);
            int to = last ? n : Math.max(p[1] - lag, p[0] + 1);
            sections.add(new Section(p[0], p[1], steadyStart, steadyEnd, 10 * Math.log10(m), from * stepSeconds,
                    to * stepSeconds));
        }
        return sections;
    }

    private static void split(double[] power, boolean[] used, int from, int to, int minSteps, int lag,
            List<int[]> out) {
        int length = to - from;
        double[] prefix = new double[length + 1];
        int[] count = new int[length + 1];
        for (int i = 0; i < length; i++) {
            boolean u = used[from + i];
            prefix[i + 1] = prefix[i] + (u ? power[from + i] : 0);
            count[i + 1] = count[i] + (u ? 1 : 0);
        }
        int best = -1;
        double bestScore = 0;
        for (int k = minSteps; k <= length - minSteps; k++) {
            int nLeft = count[k];
            int nRight = count[length] - count[k];
            if (nLeft == 0 || nRight == 0) {
                continue;
            }
            double difference = prefix[k] / nLeft - (prefix[length] - prefix[k]) / nRight;
            // the reduction of the squared error a split at k brings
            double score = (double) nLeft * nRight / (nLeft + nRight) * difference * difference;
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        if (best < 0) {
            out.add(new int[]{from, to});
            return;
        }
        int at = from + best;
        for (int i = Math.max(from, at - lag); i < Math.min(to, at + lag); i++) {
            used[i] = false;
        }
        split(power, used, from, at, minSteps, lag, out);
        split(power, used, at, to, minSteps, lag, out);
    }

    /** The power mean of the used steps of the piece; NaN when it has none. */
    private static double mean(double[] prefix, int[] count, int[] piece) {
        int n = count[piece[1]] - count[piece[0]];
        return n == 0 ? Double.NaN : (prefix[piece[1]] - prefix[piece[0]]) / n;
    }

    private static double plainMean(double[] power, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += power[i];
        }
        return sum / (to - from);
    }

    /**
     * The sections as a series: at each step, the mean loudness of the section whose time ({@code startSeconds} to
     * {@code endSeconds}) holds it, LUFS; a boundary is where the value changes.
     *
     * @param sections the sections of {@link #detect}, in time order
     * @param steps the length of the short-term series they came from
     * @param stepSeconds its step, s
     */
    public static Series asSeries(List<Section> sections, int steps, double stepSeconds) {
        float[] values = new float[steps];
        Arrays.fill(values, Float.NaN);
        for (Section section : sections) {
            int from = (int) Math.round(section.startSeconds() / stepSeconds);
            int to = Math.min(steps, (int) Math.round(section.endSeconds() / stepSeconds));
            for (int i = Math.max(0, from); i < to; i++) {
                values[i] = (float) section.meanLufs();
            }
        }
        return new Series(stepSeconds, values, Units.LUFS);
    }
}
