package io.mixbench.audio;

/**
 * What a decoder found in a file's header.
 *
 * @param sampleRateHz samples per second per channel, in Hz
 * @param layout the channels, in delivery order
 * @param bitsPerSample bits per stored sample (0 for lossy formats)
 * @param encoding how samples are stored
 * @param frames the number of sample frames the header declares, or -1 when it does not say
 * @param formatName a short name of the container and codec, e.g. "WAV PCM 24-bit"
 */
public record AudioFormat(int sampleRateHz, ChannelLayout layout, int bitsPerSample, SampleEncoding encoding,
        long frames, String formatName) {

    /**
     * The lowest sample rate decoders accept, Hz. Below it BS.1770's K-weighting, whose high shelf sits at 1.68 kHz,
     * no longer has room under the Nyquist frequency: at 4 kHz loudness reads 0.2 LU off, at 3 kHz it cannot be
     * measured. Telephone audio (8 kHz) is the lowest rate real audio is made at.
     */
    public static final int MIN_SAMPLE_RATE_HZ = 8_000;
    /** The highest sample rate decoders accept, Hz (twice the highest the product is tested at). */
    public static final int MAX_SAMPLE_RATE_HZ = 768_000;

    public AudioFormat {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRateHz + " Hz");
        }
        if (layout == null || encoding == null || formatName == null) {
            throw new NullPointerException("layout, encoding and formatName are required");
        }
    }

    /** Whether decoders accept a file at {@code sampleRateHz}: {@value #MIN_SAMPLE_RATE_HZ} to {@value #MAX_SAMPLE_RATE_HZ} Hz. */
    public static boolean isSupportedSampleRate(long sampleRateHz) {
        return sampleRateHz >= MIN_SAMPLE_RATE_HZ && sampleRateHz <= MAX_SAMPLE_RATE_HZ;
    }

    /**
     * A decoder's words for a rate outside the supported range, for {@link AudioDecodeException}:
     * "sample rate 1 Hz is not supported (8000 to 768000 Hz)".
     *
     * @param sampleRate the rate as the file gives it, in Hz
     */
    public static String unsupportedSampleRate(String sampleRate) {
        return "sample rate " + sampleRate + " Hz is not supported (" + MIN_SAMPLE_RATE_HZ + " to "
                + MAX_SAMPLE_RATE_HZ + " Hz)";
    }

    public int channels() {
        return layout.size();
    }

    /** Declared duration in seconds, or NaN when the header does not declare a length. */
    public double durationSeconds() {
        return frames < 0 ? Double.NaN : (double) frames / sampleRateHz;
    }
}
