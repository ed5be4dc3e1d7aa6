package io.mixbench.rules.standard.internal;

import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lead vocal's phrases and what a static gain does to them: which share of the singing time it puts inside the
 * lead range, and the gain that puts the most inside. Phrase values are what an engineer hears and rides; single
 * 100 ms steps are too noisy to judge (a drum hit in the loudest other part moves them by several dB).
 */
final class VocalPhrases {

    /** How far inside the best gains the static move keeps, dB, so rounding and re-measuring lose no phrase. */
    static final double INSIDE_MARGIN_DB = 0.25;

    /**
     * A phrase and its lead over the loudest other part.
     *
     * @param range where it is sung
     * @param leadDb the median of the per-step leads inside it, dB
     * @param seconds how much of it is judged (where another part plays), s: its weight in the singing time
     */
    record Phrase(TimeRange range, double leadDb, double seconds) {
    }

    /**
     * A static gain on the vocal and what it achieves.
     *
     * @param gainDb the gain, dB, rounded to 0.1 dB as the fix says it
     * @param sharePercent the share of the singing time inside the range after it, %
     */
    record Move(double gainDb, double sharePercent) {
    }

    private VocalPhrases() {
    }

    /** The share of the singing time, %, inside the target after a gain of {@code gainDb}. */
    static double sharePercent(List<Phrase> phrases, Target target, double gainDb) {
        double inside = 0;
        double total = 0;
        for (Phrase p : phrases) {
            total += p.seconds();
            if (inside(target, p.leadDb() + gainDb)) {
                inside += p.seconds();
            }
        }
        return total <= 0 ? 0 : 100 * inside / total;
    }

    static boolean inside(Target target, double leadDb) {
        return Math.abs(target.excess(leadDb)) <= RuleSupport.EPSILON_DB;
    }

    /**
     * How far outside the target the vocal is after a gain, dB: the least distance within which at least
     * {@code sharePercent} of the singing time lies (0 when that share is inside). It grows like the median's
     * distance for a vocal that is off as a whole, and stays small when a few phrases stray.
     */
    static double distanceDb(List<Phrase> phrases, Target target, double gainDb, double sharePercent) {
        if (sharePercent <= 0 || phrases.isEmpty()) {
            return 0;
        }
        List<Phrase> byDistance = phrases.stream()
                .sorted(Comparator.comparingDouble(p -> Math.abs(target.excess(p.leadDb() + gainDb)))).toList();
        double total = phrases.stream().mapToDouble(Phrase::seconds).sum();
        double covered = 0;
        double distance = 0;
        for (Phrase p : byDistance) {
            covered += p.seconds();
            distance = Math.abs(target.excess(p.leadDb() + gainDb));
            if (100 * covered / total >= sharePercent - 1e-9) {
                break;
            }
        }
        return distance;
    }

    /**
     * The static gain that puts the most singing time inside the target; among equal shares the one nearest
     * {@code wantedDb} (the move of the median to the centre of the target), then the smaller move, kept {@link #INSIDE_MARGIN_DB} inside the
     * gains that reach that share where they leave room.
     */
    static Move bestMove(List<Phrase> phrases, Target target, double wantedDb) {
        // The share changes only where a phrase crosses a bound of the target: those gains and the wanted one are
        // the only candidates.
        List<Double> candidates = new ArrayList<>();
        candidates.add(wantedDb);
        for (Phrase p : phrases) {
            candidates.add(target.min() - p.leadDb());
            candidates.add(target.max() - p.leadDb());
        }
        double bestShare = -1;
        double best = wantedDb;
        for (double gain : candidates) {
            double share = sharePercent(phrases, target, gain);
            if (share > bestShare + 1e-9 || share > bestShare - 1e-9 && nearer(gain, best, wantedDb)) {
                bestShare = share;
                best = gain;
            }
        }
        // The gains that keep the same phrases inside form one interval around the choice.
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (Phrase p : phrases) {
            if (inside(target, p.leadDb() + best)) {
                low = Math.max(low, target.min() - p.leadDb());
                high = Math.min(high, target.max() - p.leadDb());
            }
        }
        double rounded = RuleSupport.round1(best);
        if (low <= high && Double.isFinite(low) && Double.isFinite(high)) {
            double margin = Math.min(INSIDE_MARGIN_DB, (high - low) / 2);
            double gain = Math.max(low + margin, Math.min(high - margin, wantedDb));
            // Rounded to the 0.1 dB the fix says, towards the middle of the interval when it was clamped.
            rounded = gain > wantedDb
                    ? Math.ceil(gain * 10 - 1e-3) / 10
                    : gain < wantedDb ? Math.floor(gain * 10 + 1e-3) / 10 : RuleSupport.round1(gain);
            if (rounded < low - RuleSupport.EPSILON_DB || rounded > high + RuleSupport.EPSILON_DB) {
                rounded = RuleSupport.round1(gain); // an interval narrower than 0.1 dB
            }
            rounded += 0.0; // never -0.0
        }
        return new Move(rounded, sharePercent(phrases, target, rounded));
    }

    /** Nearer the wanted gain; at the same distance, the smaller move. */
    private static boolean nearer(double gainDb, double thanDb, double wantedDb) {
        double a = Math.abs(gainDb - wantedDb);
        double b = Math.abs(thanDb - wantedDb);
        return a < b - 1e-9 || a < b + 1e-9 && Math.abs(gainDb) < Math.abs(thanDb) - 1e-9;
    }
}
