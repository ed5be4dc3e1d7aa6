package io.mixbench.audio.lossy.internal;

import java.nio.charset.StandardCharsets;

/**
 * What the first frame of an MP3 says about its length: a Xing/Info or VBRI tag frame (which carries no audio and
 * is never decoded) and, in the LAME extension of a Xing/Info tag, the encoder delay and padding. The trimming
 * follows ffmpeg's (libavformat/mp3dec.c): with a LAME, Lavf or Lavc tag, skip {@code delay + 529} samples (529:
 * the decoder's own delay) and end after {@code frames x samplesPerFrame - delay - padding} samples.
 *
 * @param tagFrame whether the first frame is a tag frame
 * @param frames the number of audio frames the tag declares, or -1
 * @param encoderDelay samples of encoder delay, or -1 when the tag gives none
 * @param encoderPadding samples of padding at the end, or -1 when the tag gives none
 * @param encoder the encoder's short version string, e.g. "LAME3.100", or null
 */
record GaplessInfo(boolean tagFrame, long frames, int encoderDelay, int encoderPadding, String encoder) {

    /** The delay of the MPEG synthesis filter bank, samples: decoders output it before the first real sample. */
    static final int DECODER_DELAY = 529;

    static final GaplessInfo NONE = new GaplessInfo(false, -1, -1, -1, null);

    boolean hasDelay() {
        return encoderDelay >= 0;
    }

    /** Samples to drop at the start of the decoder's output. */
    long skipSamples() {
        return hasDelay() ? encoderDelay + DECODER_DELAY : 0;
    }

    /**
     * Samples to deliver after the skip, or -1 when the tag does not say.
     *
     * @param samplesPerFrame of the stream's frames
     */
    long deliveredSamples(int samplesPerFrame) {
        if (frames < 0) {
            return -1;
        }
        long decoded = frames * samplesPerFrame;
        if (!hasDelay()) {
            return decoded;
        }
        // ffmpeg never outputs past the last decoded sample, even when the padding is shorter than 529
        return Math.max(0, Math.min(decoded - encoderDelay - encoderPadding, decoded - skipSamples()));
    }

    /** Reads the tag of the frame whose header starts at {@code at}; {@link #NONE} when it has none. */
    static GaplessInfo parse(byte[] b, int at, int length, MpegHeader header) {
        int vbri = at + 4 + 32;
        if (matches(b, vbri, length, "VBRI") && vbri + 18 <= length) {
            return new GaplessInfo(true, u32(b, vbri + 14), -1, -1, null);
        }
        if (header.layer() != 3) {
            return NONE;
        }
        int tag = at + 4 + (header.crc() ? 2 : 0) + header.sideInfoBytes();
        if (!(matches(b, tag, length, "Xing") || matches(b, tag, length, "Info")) || tag + 8 > length) {
            return NONE;
        }
        long flags = u32(b, tag + 4);
        int p = tag + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
            if (p + 4 > length) {
                return new GaplessInfo(true, -1, -1, -1, null);
            }
            frames = u32(b, p);
            p += 4;
        }
        if ((flags & 2) != 0) {
            p += 4;
        }
        if ((flags & 4) != 0) {
            p += 100;
        }
        if ((flags & 8) != 0) {
            p += 4;
        }
        if (p + 24 > length) {
            return new GaplessInfo(true, frames, -1, -1, null);
        }
        String encoder = new String(b, p, 9, StandardCharsets.ISO_8859_1).trim();
        if (!(encoder.startsWith("LAME") || encoder.startsWith("Lavf") || encoder.startsWith("Lavc"))) {
            return new GaplessInfo(true, frames, -1, -1, printable(encoder));
        }
        int v = (b[p + 21] & 0xFF) << 16 | (b[p + 22] & 0xFF) << 8 | (b[p + 23] & 0xFF);
        return new GaplessInfo(true, frames, v >> 12, v & 0xFFF, printable(encoder));
    }

    private static boolean matches(byte[] b, int at, int length, String id) {
        if (at < 0 || at + 4 > length) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (b[at + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
