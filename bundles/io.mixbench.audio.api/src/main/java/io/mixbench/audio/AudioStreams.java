package io.mixbench.audio;

/** Help for implementations of {@link AudioStream}. */
public final class AudioStreams {

    private AudioStreams() {
    }

    /**
     * Checks {@link AudioStream#read}'s arguments for a stream of {@code channels} channels, as every implementation
     * must before it reads.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkReadArguments(float[][] block, int maxFrames, int channels) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be at least 1, was " + maxFrames);
        }
        if (block.length < channels) {
            throw new IllegalArgumentException("block has " + block.length + " channels, the file " + channels);
        }
        for (int c = 0; c < channels; c++) {
            if (block[c].length < maxFrames) {
                throw new IllegalArgumentException("block channel " + c + " holds fewer than " + maxFrames
                        + " frames");
            }
        }
    }
}
