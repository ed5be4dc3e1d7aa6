package io.mixbench.audio;

/** How a file stores its samples. Decoders always deliver float samples; this says what they came from. */
public enum SampleEncoding {
    /** Two's-complement integers (and 8-bit WAV's offset-binary, which decoders convert). */
    PCM_INTEGER,
    /** IEEE 754 floating point; values may exceed full scale. */
    PCM_FLOAT,
    /** A lossy codec (MP3, Vorbis): bit depth does not apply. */
    LOSSY
}
