package io.mixbench.analysis;

import io.mixbench.rule.Fix;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change the findings of an analysis ask for: one track (or the tracks one finding moves together) and one
 * kind of move, with every finding that asks for it and the amount that satisfies all of them. Built by
 * {@link Moves#of(List)}; {@link AnalysisResult#moves()} gives an analysis's moves.
 *
 * @param kind what kind of change it is
 * @param severity the most severe of its findings' severities
 * @param fixes the change to make, one fix per track it moves (usually one), with the amount chosen for every finding
 * @param findings indices of the findings that ask for it in the list it was grouped from
 *        ({@link AnalysisResult#findings()}), most severe first
 * @param rules ids of the rules that ask for it, each once, in the order of {@code findings}
 * @param message the move in one sentence with its amount: the rule's own suggestion when one finding asks for it
 *        (or all ask for the same change), else a sentence saying how the amount was chosen
 * @param gainWindow for a level move: the gains, dB, that bring every finding's measured value inside its target
 *        (an open end is NaN; a point when a finding's target does not tell a range); null when not known or
 *        when no gain satisfies all (see {@code conflict})
 * @param conflict null, or the sentence saying that no one change satisfies every finding and which was kept (the
 *        most severe finding's)
 * @since 1.2
 */
public record Move(MoveKind kind, Severity severity, List<Fix> fixes, List<Integer> findings, List<String> rules,
        String message, Target gainWindow, String conflict) {

    public Move {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        fixes = List.copyOf(fixes);
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        if (fixes.isEmpty()) {
            throw new IllegalArgumentException("a move changes at least one track");
        }
    }

    /** The track to change, the first of {@link #tracks()}. */
    public String track() {
        return fixes.get(0).track();
    }

    /** Every track the move changes, in the order of its fixes. */
    public List<String> tracks() {
        List<String> tracks = new ArrayList<>();
        for (Fix fix : fixes) {
            if (!tracks.contains(fix.track())) {
                tracks.add(fix.track());
            }
        }
        return tracks;
    }

    /** The move in a few words, without reasons, e.g. "Lower Kick by 6.0 dB" or "Pan Bass to the centre". */
    public String shortText() {
        return Moves.describe(fixes);
    }
}
