package io.mixbench.session;

import java.util.Optional;

/**
 * The pan law used to compare a mono stem with stereo ones: the level, in dB, of a centre-panned mono source
 * in each channel. With -3 dB (the default) a mono stem placed at the centre of a stereo mix keeps its power;
 * {@link #monoToStereoLoudnessOffsetDb()} converts a mono file's loudness to that of its place in the mix.
 */
public enum PanLaw {
    ZERO_DB(0.0), MINUS_3_DB(-3.0), MINUS_4_5_DB(-4.5), MINUS_6_DB(-6.0);

    private final double centreGainDb;

    PanLaw(double centreGainDb) {
        this.centreGainDb = centreGainDb;
    }

    /** The gain of a centre-panned source in each channel, dB (0, -3, -4.5 or -6). */
    public double centreGainDb() {
        return centreGainDb;
    }

    /**
     * What to add to a mono file's BS.1770 loudness to get the loudness it has panned to the centre of a
     * stereo mix: two channels (+3.01 dB) each at the centre gain. 0.01 dB for -3 dB, +3.01 dB for 0 dB.
     */
    public double monoToStereoLoudnessOffsetDb() {
        return 10 * Math.log10(2) + centreGainDb;
    }

    /** The law for a value in dB (0, -3, -4.5, -6), if it is one of them. */
    public static Optional<PanLaw> ofDb(double db) {
        for (PanLaw law : values()) {
            if (Math.abs(law.centreGainDb - db) < 1e-9) {
                return Optional.of(law);
            }
        }
        return Optional.empty();
    }
}
