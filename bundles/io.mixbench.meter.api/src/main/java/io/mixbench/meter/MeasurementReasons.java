package io.mixbench.meter;

/**
 * The reasons the standard meters give with absent values ({@link Scalar#absent}), in the words reports show. Rules
 * may test for them; a third-party meter should use them where they fit.
 */
public final class MeasurementReasons {
    /** The file (or the part measured) contains only digital silence, or no samples at all. */
    public static final String SILENT = "silent";
    /** NaN or infinite samples in the input: no value can be trusted. */
    public static final String NON_FINITE = "non-finite samples";
    /** Integrated loudness needs at least one complete 400 ms gating block. */
    public static final String TOO_SHORT = "shorter than 400 ms";
    /** Every gating block is at or below the -70 LUFS absolute gate. */
    public static final String BELOW_GATE = "below the absolute gate";
    /** Only channels with loudness weight 0 (LFE). */
    public static final String NO_WEIGHTED_CHANNELS = "no weighted channels";
    /** No track activity, so no level over the active part. */
    public static final String NOT_ACTIVE = "not active";
    /** A stereo-only value asked of a mono file. */
    public static final String MONO = "mono";
    /** A stereo value asked of a file with more than two channels. */
    public static final String NOT_STEREO = "not stereo";
    /** Correlation of two channels when one of them carries no energy. */
    public static final String ONE_SIDE_SILENT = "one channel silent";
    /** The signal below the low-end crossover is below -90 dBFS (AES17 RMS). */
    public static final String NO_LOW_END = "no low end";
    /** Loudness range needs at least 3 s of complete short-term (3 s) values, i.e. about 6 s of audio. */
    public static final String TOO_FEW_SHORT_TERM = "under 3 s of short-term values";
    /** PSR needs at least one complete 3 s short-term window. */
    public static final String SHORTER_THAN_SHORT_TERM = "shorter than 3 s";
    /** The 300 ms RMS maximum needs at least 300 ms of audio. */
    public static final String SHORTER_THAN_RMS_WINDOW = "shorter than 300 ms";

    private MeasurementReasons() {
    }
}
