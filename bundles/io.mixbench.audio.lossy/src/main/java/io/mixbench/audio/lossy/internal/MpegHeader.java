package io.mixbench.audio.lossy.internal;

/**
 * The fields of a 4-byte MPEG audio frame header that detection and the gapless tag need.
 *
 * @param version 1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 * @param layer 1, 2 or 3
 * @param crc whether a 16-bit CRC follows the header
 * @param sampleRateHz the sample rate, Hz
 * @param mono whether the frame is single-channel
 */
record MpegHeader(int version, int layer, boolean crc, int sampleRateHz, boolean mono) {

    private static final int[][] RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};

    /** Samples per channel in one frame. */
    int samplesPerFrame() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != 1 ? 576 : 1152;
    }

    /** Bytes of layer III side information, after the header and CRC: where a Xing/Info tag starts. */
    int sideInfoBytes() {
        if (version == 1) {
            return mono ? 17 : 32;
        }
        return mono ? 9 : 17;
    }

    /** The header at {@code at}, or null when the bytes are not a valid MPEG audio frame header. */
    static MpegHeader parse(byte[] b, int at, int length) {
        if (at < 0 || at + 4 > length) {
            return null;
        }
        int b1 = b[at + 1] & 0xFF;
        int b2 = b[at + 2] & 0xFF;
        int b3 = b[at + 3] & 0xFF;
        if ((b[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
            return null;
        }
        int versionBits = (b1 >> 3) & 3;
        int layerBits = (b1 >> 1) & 3;
        int bitrateIndex = b2 >> 4;
        int rateIndex = (b2 >> 2) & 3;
        // version 01 is reserved; layer 00 is reserved (and is what AAC ADTS headers carry)
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 15 || rateIndex == 3 || (b3 & 3) == 2) {
            return null;
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int row = version == 1 ? 0 : version == 2 ? 1 : 2;
        return new MpegHeader(version, 4 - layerBits, (b1 & 1) == 0, RATES[row][rateIndex], (b3 >> 6) == 3);
    }
}
