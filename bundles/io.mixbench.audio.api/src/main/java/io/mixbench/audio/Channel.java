package io.mixbench.audio;

/**
 * A speaker position. The order of {@link ChannelLayout#channels()} is the order in which a stream
 * delivers channels. BS.1770 weights: see {@link #loudnessWeight()}.
 */
public enum Channel {
    MONO, LEFT, RIGHT, CENTRE, LFE, LEFT_SURROUND, RIGHT_SURROUND, LEFT_BACK, RIGHT_BACK, LEFT_CENTRE, RIGHT_CENTRE, BACK_CENTRE, OTHER;

    /**
     * The channel's weight G in BS.1770 loudness: 1.0 for front channels, 1.41 for surrounds, 0 for LFE
     * (EBU Tech 3341 excludes it).
     */
    public double loudnessWeight() {
        return switch (this) {
            case LFE -> 0.0;
            case LEFT_SURROUND, RIGHT_SURROUND, LEFT_BACK, RIGHT_BACK -> 1.41;
            default -> 1.0;
        };
    }
}
