package io.mixbench.plan;

import io.mixbench.rule.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One set of moves for a session, and what the planner expects of it. The expectation ({@link #predicted()}) comes
 * from the rules evaluated on the measurements shifted by the moves; only a rendered and analysed plan proves it.
 *
 * @param ruleSetId the rule set the plan satisfies
 * @param moves the moves in the order to make them
 * @param changes what the renderer applies to each part, in session order (every part, changed or not)
 * @param commonGainDb the gain of every part together (a VCA move), dB; in {@code changes} already
 * @param busGainDb the mix bus (master fader) gain, dB; in {@code changes} already
 * @param predicted the findings the rules give on the measurements the moves predict, most severe first
 * @param unresolved one sentence for each WARN or PROBLEM the plan does not clear, saying which and why (a move
 *        of a kind the planner does not make, a part no fader move places, no headroom, a refused move)
 * @param refused the ids of the moves the user refused, as requested
 */
public record Plan(String ruleSetId, List<PlannedMove> moves, List<TrackChanges> changes, double commonGainDb,
        double busGainDb, List<Finding> predicted, List<String> unresolved, Set<String> refused) {

    public Plan {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        moves = List.copyOf(moves);
        changes = List.copyOf(changes);
        predicted = List.copyOf(predicted);
        unresolved = List.copyOf(unresolved);
        refused = Set.copyOf(refused);
    }

    /** What the plan changes on the named part, if it is one. */
    public Optional<TrackChanges> changesOf(String track) {
        return changes.stream().filter(c -> c.track().equals(track)).findFirst();
    }

    /** Whether the plan changes nothing. */
    public boolean isEmpty() {
        return moves.isEmpty();
    }
}
