package io.mixbench.audio;

import java.util.List;

/**
 * The channels of a stream in delivery order.
 *
 * @param channels one entry per channel; never empty
 */
public record ChannelLayout(List<Channel> channels) {

    public static final ChannelLayout MONO = new ChannelLayout(List.of(Channel.MONO));
    public static final ChannelLayout STEREO = new ChannelLayout(List.of(Channel.LEFT, Channel.RIGHT));
    /** SMPTE / WAVE order: L, R, C, LFE, Ls, Rs. */
    public static final ChannelLayout SURROUND_5_1 = new ChannelLayout(List.of(Channel.LEFT, Channel.RIGHT,
            Channel.CENTRE, Channel.LFE, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND));
    /**
     * 5.0 without LFE: L, R, C, Ls, Rs (the order of 5.1 without its LFE; FLAC's and ffmpeg's 5.0, and the EBU's
     * 5-channel test files).
     */
    public static final ChannelLayout SURROUND_5_0 = new ChannelLayout(List.of(Channel.LEFT, Channel.RIGHT,
            Channel.CENTRE, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND));

    public ChannelLayout {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a channel layout needs at least one channel");
        }
    }

    /**
     * The usual layout for a channel count when a file names none: mono, stereo, 5.0 (L, R, C, Ls, Rs), 5.1, else
     * unnamed channels. Five channels are 5.0 because that is how 5-channel files without a channel mask are written
     * (EBU Tech 3341's case 6 among them); read as unnamed channels, their surrounds would miss BS.1770's +1.5 dB.
     */
    public static ChannelLayout defaultFor(int channelCount) {
        return switch (channelCount) {
            case 1 -> MONO;
            case 2 -> STEREO;
            case 5 -> SURROUND_5_0;
            case 6 -> SURROUND_5_1;
            default -> {
                if (channelCount < 1) {
                    throw new IllegalArgumentException("channel count must be at least 1, was " + channelCount);
                }
                yield new ChannelLayout(java.util.Collections.nCopies(channelCount, Channel.OTHER));
            }
        };
    }

    public int size() {
        return channels.size();
    }

    public boolean isStereo() {
        return channels.equals(STEREO.channels);
    }

    public boolean isMono() {
        return channels.size() == 1;
    }

    /** A short name for reports: "mono", "stereo", "5.0", "5.1" or "N channels". */
    public String displayName() {
        if (isMono()) {
            return "mono";
        }
        if (isStereo()) {
            return "stereo";
        }
        if (equals(SURROUND_5_0)) {
            return "5.0";
        }
        if (equals(SURROUND_5_1)) {
            return "5.1";
        }
        return channels.size() + " channels";
    }
}
