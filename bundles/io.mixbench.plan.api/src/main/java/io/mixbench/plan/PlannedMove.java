package io.mixbench.plan;

import io.mixbench.analysis.MoveKind;
import io.mixbench.rule.Fix;
import java.util.List;
import java.util.Objects;

/**
 * One move of a plan, as an engineer makes it: a fader, the common gain of every part (a VCA), the mix bus, a ride, a
 * pan or a low-end fix.
 *
 * @param id a stable key of the move within its session, e.g. {@code "level:Kick"}, {@code "common"},
 *        {@code "bus"}, {@code "ride:Lead Vox"}, {@code "pan:Bass"}: a front end refuses a move by its id
 *        ({@link PlanRequest#refused()})
 * @param kind what kind of change it is
 * @param fixes the change, one fix per track it changes, in the rule API's terms ({@link Fix#GAIN_DB},
 *        {@link Fix#ALL_PARTS}, {@link Fix#PAN_PERCENT}, ...)
 * @param rules ids of the rules whose findings it answers, each once
 * @param text the move in a few words with its amount, e.g. "Lower Kick by 6.0 dB"
 * @param ride the automation of a ride, sorted by time; empty for a static move
 */
public record PlannedMove(String id, MoveKind kind, List<Fix> fixes, List<String> rules, String text,
        List<GainPoint> ride) {

    public PlannedMove {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        fixes = List.copyOf(fixes);
        rules = List.copyOf(rules);
        ride = List.copyOf(ride);
        if (fixes.isEmpty()) {
            throw new IllegalArgumentException("a move changes at least one track");
        }
    }

    /** The track the move changes first (for the common and bus gains, the mix the parts sum to). */
    public String track() {
        return fixes.get(0).track();
    }
}
