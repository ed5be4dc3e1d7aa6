package io.mixbench.plan.internal.export;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.TrackChanges;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.MeasuredTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One ridden part as the exports write it.
 *
 * @param track the part's display name
 * @param sampleRateHz the part's sample rate, Hz, from the analysis the plan was made from; empty when the part was
 *        not decoded (its breakpoints then have no sample positions)
 * @param staticGainDb the part's static gain, dB ({@link TrackChanges#gainDb()}), under the ride
 * @param points the ride's breakpoints, sorted by time, gains on top of {@code staticGainDb}
 */
record Ride(String track, OptionalInt sampleRateHz, double staticGainDb, List<GainPoint> points) {

    /** Every ridden part of the plan, in session order. */
    static List<Ride> of(VerifiedPlan plan) {
        List<Ride> rides = new ArrayList<>();
        for (TrackChanges changes : plan.plan().changes()) {
            if (!changes.ride().isEmpty()) {
                rides.add(new Ride(changes.track(), sampleRateHz(plan.before(), changes.track()), changes.gainDb(),
                        changes.ride()));
            }
        }
        return rides;
    }

    /** The sample rate, Hz, of the named track of {@code result}; empty when it has none or was not decoded. */
    static OptionalInt sampleRateHz(AnalysisResult result, String track) {
        for (MeasuredTrack measured : result.tracks()) {
            if (measured.name().equals(track) && measured.format() != null) {
                return OptionalInt.of(measured.format().sampleRateHz());
            }
        }
        return OptionalInt.empty();
    }

    /** The sample position of {@code seconds} at {@code sampleRateHz}, rounded to the nearest frame. */
    static Long samples(OptionalInt sampleRateHz, double seconds) {
        return sampleRateHz.isPresent() ? Math.round(seconds * sampleRateHz.getAsInt()) : null;
    }

    /** The ride's highest gain, dB: the part's fader goes up by this much when its MIDI lane peaks at CC 127. */
    double highestGainDb() {
        double highest = Double.NEGATIVE_INFINITY;
        for (GainPoint point : points) {
            highest = Math.max(highest, point.gainDb());
        }
        return highest;
    }
}
