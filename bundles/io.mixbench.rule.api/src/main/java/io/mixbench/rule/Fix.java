package io.mixbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A concrete change to one track, structured so it can be applied and re-measured. Each action is a key with
 * a number, boolean or string value; the standard keys are the constants of this class. In JSON a fix is one
 * object: {@code {"track": "Bass", "gainDb": -2.5}}.
 *
 * @param track the track's display name
 * @param actions the changes, in the order to apply them
 */
public record Fix(String track, Map<String, Object> actions) {

    /** Change the fader by this many dB. Number. */
    public static final String GAIN_DB = "gainDb";
    /** Pan to this position, -100 (left) .. +100 (right), %. Number. */
    public static final String PAN_PERCENT = "panPercent";
    /** High-pass the side signal (M/S) below this frequency, Hz. Number. */
    public static final String SIDE_HIGH_PASS_HZ = "sideHighPassHz";
    /** Invert the polarity. Boolean. */
    public static final String INVERT_POLARITY = "invertPolarity";
    /** Bypass the limiter or compressor on the mix bus before bouncing. Boolean. */
    public static final String BYPASS_BUS_PROCESSING = "bypassBusProcessing";
    /** Delay by this many milliseconds (negative: advance). Number. */
    public static final String DELAY_MS = "delayMs";

    public Fix {
        Objects.requireNonNull(track, "track");
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    }

    /** Change the track's level by {@code db} (rounded to 0.1 dB). */
    public static Fix gain(String track, double db) {
        return new Fix(track, Map.of(GAIN_DB, Math.round(db * 10) / 10.0));
    }

    /** Pan the track to {@code percent} (-100 .. +100). */
    public static Fix pan(String track, double percent) {
        return new Fix(track, Map.of(PAN_PERCENT, percent));
    }

    /** Add an action to this fix. */
    public Fix and(String action, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(actions);
        more.put(action, value);
        return new Fix(track, more);
    }
}
