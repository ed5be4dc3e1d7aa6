package io.mixbench.audio.wav;

/** How {@link WavWriter} stores samples. */
public enum WavEncoding {
    /** 16-bit two's-complement integers. */
    PCM_16(16, false),
    /** 24-bit two's-complement integers (written as WAVE_FORMAT_EXTENSIBLE). */
    PCM_24(24, false),
    /** 32-bit two's-complement integers (written as WAVE_FORMAT_EXTENSIBLE). */
    PCM_32(32, false),
    /** 32-bit IEEE 754 floats; values beyond full scale are kept. */
    FLOAT_32(32, true);

    private final int bitsPerSample;
    private final boolean floatingPoint;

    WavEncoding(int bitsPerSample, boolean floatingPoint) {
        this.bitsPerSample = bitsPerSample;
        this.floatingPoint = floatingPoint;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }
}
