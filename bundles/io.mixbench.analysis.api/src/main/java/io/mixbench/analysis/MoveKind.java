package io.mixbench.analysis;

import io.mixbench.rule.Fix;
import java.util.Map;

/**
 * What kind of change a {@link Move} is, told from its fix's actions. The constants are in the order to make the
 * moves in: what changes everything after it (the session's files, the bus processing, polarity and alignment)
 * before levels, levels before pan, width and EQ, and the master's peak limiting last.
 *
 * @since 1.2
 */
public enum MoveKind {
    /** Remove a track from the session or export it again ({@link Fix#REMOVE_FROM_SESSION}). */
    REMOVE("remove"),
    /** Bypass the mix bus's limiter or compressor ({@link Fix#BYPASS_BUS_PROCESSING}). */
    BUS_PROCESSING("bus-processing"),
    /** Invert the polarity or make the track mono-compatible ({@link Fix#INVERT_POLARITY}, {@link Fix#MONO_COMPATIBLE}). */
    POLARITY("polarity"),
    /** Delay or advance the track ({@link Fix#DELAY_MS}). */
    ALIGNMENT("alignment"),
    /** A static fader or gain move ({@link Fix#GAIN_DB}; with {@link Fix#ALL_PARTS}, every part together). */
    LEVEL("level"),
    /** A gain move over a stretch of time ({@link Fix#GAIN_DB} with {@link Fix#START_SECONDS}, {@link Fix#END_SECONDS}). */
    RIDE("ride"),
    /** Pan or balance ({@link Fix#PAN_PERCENT}, {@link Fix#BALANCE_DB}). */
    PAN("pan"),
    /** Width, or the side signal below a frequency ({@link Fix#WIDTH_PERCENT}, {@link Fix#SIDE_HIGH_PASS_HZ}). */
    STEREO("stereo"),
    /** An EQ move or a high-pass filter ({@link Fix#EQ_BAND}, {@link Fix#HIGH_PASS_HZ}). */
    EQ("eq"),
    /** A true-peak limiter ({@link Fix#TRUE_PEAK_LIMIT_DBTP} alone). */
    PEAK_LIMIT("peak-limit"),
    /** Any other action, e.g. a plug-in rule's own. */
    OTHER("other");

    private final String id;

    MoveKind(String id) {
        this.id = id;
    }

    /** The stable id reports write, e.g. {@code "bus-processing"}. */
    public String id() {
        return id;
    }

    /** The kind of change {@code fix} asks for: its first action in the order of the constants decides. */
    public static MoveKind of(Fix fix) {
        Map<String, Object> actions = fix.actions();
        if (actions.containsKey(Fix.REMOVE_FROM_SESSION)) {
            return REMOVE;
        }
        if (actions.containsKey(Fix.BYPASS_BUS_PROCESSING)) {
            return BUS_PROCESSING;
        }
        if (actions.containsKey(Fix.INVERT_POLARITY) || actions.containsKey(Fix.MONO_COMPATIBLE)) {
            return POLARITY;
        }
        if (actions.containsKey(Fix.DELAY_MS)) {
            return ALIGNMENT;
        }
        if (actions.containsKey(Fix.GAIN_DB)) {
            return actions.containsKey(Fix.START_SECONDS) || actions.containsKey(Fix.END_SECONDS) ? RIDE : LEVEL;
        }
        if (actions.containsKey(Fix.PAN_PERCENT) || actions.containsKey(Fix.BALANCE_DB)) {
            return PAN;
        }
        if (actions.containsKey(Fix.WIDTH_PERCENT) || actions.containsKey(Fix.SIDE_HIGH_PASS_HZ)) {
            return STEREO;
        }
        if (actions.containsKey(Fix.EQ_BAND) || actions.containsKey(Fix.EQ_GAIN_DB)
                || actions.containsKey(Fix.HIGH_PASS_HZ)) {
            return EQ;
        }
        if (actions.containsKey(Fix.TRUE_PEAK_LIMIT_DBTP)) {
            return PEAK_LIMIT;
        }
        return OTHER;
    }
}
