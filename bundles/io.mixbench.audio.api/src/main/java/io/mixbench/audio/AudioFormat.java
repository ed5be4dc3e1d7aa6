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

    public AudioFormat {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRateHz + " Hz");
        }
        if (layout == null || encoding == null || formatName == null) {
            throw new NullPointerException("layout, encoding and formatName are required");
        }
    }

    public int channels() {
        return layout.size();
    }

    /** Declared duration in seconds, or NaN when the header does not declare a length. */
    public double durationSeconds() {
        return frames < 0 ? Double.NaN : (double) frames / sampleRateHz;
    }
}
