package io.mixbench.audio.pcm;

/** How one interleaved PCM sample is stored: width, integer or IEEE float, byte order. */
public enum PcmEncoding {
    /** 8-bit two's complement (AIFF). */
    SIGNED_8(1),
    /** 8-bit offset binary, 128 = silence (WAV, AIFF-C "raw"). */
    UNSIGNED_8(1), SIGNED_16_LE(2), SIGNED_16_BE(2), SIGNED_24_LE(3), SIGNED_24_BE(3), SIGNED_32_LE(4), SIGNED_32_BE(
            4), FLOAT_32_LE(4), FLOAT_32_BE(4), FLOAT_64_LE(8), FLOAT_64_BE(8);

    private final int bytes;

    PcmEncoding(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per sample. */
    public int bytes() {
        return bytes;
    }

    /** Whether samples are IEEE floats (full scale 1.0, may hold values beyond it, NaN or infinities). */
    public boolean isFloat() {
        return this == FLOAT_32_LE || this == FLOAT_32_BE || this == FLOAT_64_LE || this == FLOAT_64_BE;
    }
}
