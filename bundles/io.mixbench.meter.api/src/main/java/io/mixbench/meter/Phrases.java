package io.mixbench.meter;

import java.util.ArrayList;
import java.util.List;

/**
 * The phrases of a part that plays at flagged steps (a lead vocal's {@link MeasurementIds#ACTIVITY}): what an
 * engineer hears and rides. Single 100 ms steps are too noisy to judge (a drum hit in another part moves them by
 * several dB); the rules judge phrases and the planner rides them, with this one segmentation.
 *
 * @since 1.5
 */
public final class Phrases {

    /**
     * Gaps up to this long, s, belong to the phrase around them: a breath between words is no place to ride the
     * fader, and the activity series drops out in it.
     */
    public static final double BRIDGE_GAP_SECONDS = 0.3;
    /**
     * Shorter runs, s, are not phrases: the momentary loudness integrates 400 ms, so a shorter burst (a breath, an ad
     * lib, bleed) has no reading of its own.
     */
    public static final double MIN_PHRASE_SECONDS = 0.5;
    /**
     * Longer runs, s, are split into equal parts no longer than this (two bars at 120 bpm): a vocal stem that never
     * falls silent (a held note into the next line, a printed reverb tail) still gets values an engineer can ride.
     */
    public static final double MAX_PHRASE_SECONDS = 4.0;

    private Phrases() {
    }

    /**
     * The phrases of a part that plays at the flagged steps: gaps of at most {@link #BRIDGE_GAP_SECONDS} bridged,
     * runs shorter than {@link #MIN_PHRASE_SECONDS} dropped, runs longer than {@link #MAX_PHRASE_SECONDS} split into
     * equal parts. Each is given as steps [from, to).
     *
     * @param plays whether the part plays at each step
     * @param stepSeconds the time between steps, s
     */
    public static List<int[]> spans(boolean[] plays, double stepSeconds) {
        int bridge = (int) Math.floor(BRIDGE_GAP_SECONDS / stepSeconds + 1e-9);
        int shortest = (int) Math.ceil(MIN_PHRASE_SECONDS / stepSeconds - 1e-9);
        int longest = Math.max(1, (int) Math.floor(MAX_PHRASE_SECONDS / stepSeconds + 1e-9));
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int lastOn = -1;
        for (int i = 0; i < plays.length; i++) {
            if (!plays[i]) {
                continue;
            }
            if (start >= 0 && i - lastOn - 1 > bridge) {
                runs.add(new int[]{start, lastOn + 1});
                start = -1;
            }
            if (start < 0) {
                start = i;
            }
            lastOn = i;
        }
        if (start >= 0) {
            runs.add(new int[]{start, lastOn + 1});
        }
        List<int[]> spans = new ArrayList<>();
        for (int[] run : runs) {
            int length = run[1] - run[0];
            if (length < shortest) {
                continue;
            }
            int parts = (length + longest - 1) / longest;
            for (int p = 0; p < parts; p++) {
                spans.add(new int[]{run[0] + length * p / parts, run[0] + length * (p + 1) / parts});
            }
        }
        return spans;
    }
}
