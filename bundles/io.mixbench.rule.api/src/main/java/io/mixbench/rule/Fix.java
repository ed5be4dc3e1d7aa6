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
    /**
     * Pan to this position, -100 (left) .. +100 (right), %. Number. On a stereo track that holds one panned source,
     * the track is folded to mono at constant power first (a stereo balance control would only turn one side down).
     */
    public static final String PAN_PERCENT = "panPercent";
    /**
     * High-pass the side signal (M/S) below this corner frequency, Hz. Number. The fix also names the filter with
     * {@link #FILTER_TYPE} and {@link #FILTER_SLOPE_DB_PER_OCTAVE}.
     */
    public static final String SIDE_HIGH_PASS_HZ = "sideHighPassHz";
    /** Invert the polarity. Boolean. */
    public static final String INVERT_POLARITY = "invertPolarity";
    /** Bypass the limiter or compressor on the mix bus before bouncing. Boolean. */
    public static final String BYPASS_BUS_PROCESSING = "bypassBusProcessing";
    /** Scale the side signal (M/S) to this share of its level, %; 0 makes the track mono. Number. */
    public static final String WIDTH_PERCENT = "widthPercent";
    /** Make the track mono-compatible: invert the reversed channel or bypass the widener. Boolean. */
    public static final String MONO_COMPATIBLE = "monoCompatible";
    /** Shift the left/right balance by this many dB (split +x/2, -x/2 across the channels). Number. */
    public static final String BALANCE_DB = "balanceDb";
    /** A broad EQ move: the tonal band id ({@code low}, {@code lowMid}, ...). String. */
    public static final String EQ_BAND = "eqBand";
    /** A broad EQ move: its centre frequency, Hz. Number. */
    public static final String EQ_FREQUENCY_HZ = "eqFrequencyHz";
    /** A broad EQ move: its gain, dB. Number. */
    public static final String EQ_GAIN_DB = "eqGainDb";
    /**
     * A broad EQ move: the Q of its peaking bell, as in the RBJ audio-EQ cookbook (a bell N octaves wide has
     * Q = sqrt(2^N) / (2^N - 1): 1.41 for one octave). Number. Since rule API 1.2.
     */
    public static final String EQ_Q = "eqQ";
    /**
     * High-pass the whole track below this corner frequency, Hz. Number. The fix also names the filter with
     * {@link #FILTER_TYPE} and {@link #FILTER_SLOPE_DB_PER_OCTAVE}.
     */
    public static final String HIGH_PASS_HZ = "highPassHz";
    /**
     * The type of the fix's filter ({@link #SIDE_HIGH_PASS_HZ} or {@link #HIGH_PASS_HZ}):
     * {@link #FILTER_BUTTERWORTH} or {@link #FILTER_LINKWITZ_RILEY}. String. Since rule API 1.2.
     */
    public static final String FILTER_TYPE = "filterType";
    /**
     * The slope of the fix's filter, dB/octave: 6 per order, so 24 is a 4th-order filter (a Linkwitz-Riley filter
     * of order 2n is two Butterworth filters of order n in a row: 24 dB/octave is two 2nd-order ones). Number.
     * Since rule API 1.2.
     */
    public static final String FILTER_SLOPE_DB_PER_OCTAVE = "filterSlopeDbPerOctave";
    /**
     * {@link #FILTER_TYPE} value: a Butterworth filter, maximally flat, -3 dB at the corner frequency. Since rule API
     * 1.2.
     */
    public static final String FILTER_BUTTERWORTH = "butterworth";
    /**
     * {@link #FILTER_TYPE} value: a Linkwitz-Riley filter (the crossover filter), -6 dB at the corner frequency; its
     * order is even. Since rule API 1.2.
     */
    public static final String FILTER_LINKWITZ_RILEY = "linkwitz-riley";
    /** Limit the true peak to this level, dBTP. Number. */
    public static final String TRUE_PEAK_LIMIT_DBTP = "truePeakLimitDbtp";
    /** Remove the track from the session (e.g. a silent export). Boolean. */
    public static final String REMOVE_FROM_SESSION = "removeFromSession";
    /** The fix applies only from this time, s (with {@link #END_SECONDS}: a timed ride). Number. */
    public static final String START_SECONDS = "startSeconds";
    /** The fix applies only until this time, s. Number. */
    public static final String END_SECONDS = "endSeconds";
    /** Delay by this many milliseconds (negative: advance). Number. */
    public static final String DELAY_MS = "delayMs";
    /**
     * The fix's other actions apply to every part of the session together (all faders, or a VCA over them), not to
     * {@link #track()} alone, which then names the mix the parts sum to. Boolean.
     *
     * @since 1.2
     */
    public static final String ALL_PARTS = "allParts";

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
