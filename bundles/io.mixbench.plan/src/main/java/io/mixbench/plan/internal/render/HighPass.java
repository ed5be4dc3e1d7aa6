package io.mixbench.plan.internal.render;

/**
 * A high-pass of one channel as cascaded sections: Butterworth of any order, or Linkwitz-Riley (a Butterworth of half
 * the order, twice). Double inside. Not thread-safe: one per channel.
 */
public final class HighPass {

    private final Biquad[] sections;

    private HighPass(Biquad[] sections) {
        this.sections = sections;
    }

    /**
     * The filter order of a slope: 6 dB/octave per order.
     *
     * @param slopeDbPerOctave a positive multiple of 6, dB/octave
     */
    public static int order(int slopeDbPerOctave) {
        if (slopeDbPerOctave <= 0 || slopeDbPerOctave % 6 != 0) {
            throw new IllegalArgumentException("a filter slope is a positive multiple of 6 dB/octave, not "
                    + slopeDbPerOctave);
        }
        return slopeDbPerOctave / 6;
    }

    /**
     * A Butterworth high-pass: -3.01 dB at {@code cornerHz}, maximally flat above.
     *
     * @param order 1 or more (6 dB/octave each)
     * @param cornerHz above 0 and below half the sample rate, Hz
     */
    public static HighPass butterworth(int order, double cornerHz, double sampleRateHz) {
        checkCorner(cornerHz, sampleRateHz);
        if (order < 1) {
            throw new IllegalArgumentException("a filter order is at least 1, not " + order);
        }
        Biquad[] sections = new Biquad[(order + 1) / 2];
        int next = 0;
        if (order % 2 == 1) {
            sections[next++] = Biquad.firstOrderHighPass(cornerHz, sampleRateHz);
        }
        // The pole pairs of the Butterworth polynomial: Q = 1 / (2 cos(angle)) at angles (2k - 1) pi / (2 order)
        // from the real axis for an even order, k pi / order for an odd one.
        for (int k = 1; next < sections.length; k++) {
            double angle = order % 2 == 0 ? (2 * k - 1) * Math.PI / (2 * order) : k * Math.PI / order;
            sections[next++] = Biquad.highPass(cornerHz, 1 / (2 * Math.cos(angle)), sampleRateHz);
        }
        return new HighPass(sections);
    }

    /**
     * A Linkwitz-Riley high-pass, -6.02 dB at {@code cornerHz}, whose low-pass twin sums with it to a flat
     * magnitude: a Butterworth of half the order applied twice. An odd order has no Linkwitz-Riley form; it gets the
     * Butterworth of that order (-3.01 dB at the corner).
     *
     * @param order 1 or more (6 dB/octave each)
     */
    public static HighPass linkwitzRiley(int order, double cornerHz, double sampleRateHz) {
        if (order % 2 == 1) {
            return butterworth(order, cornerHz, sampleRateHz);
        }
        HighPass half = butterworth(order / 2, cornerHz, sampleRateHz);
        HighPass twice = butterworth(order / 2, cornerHz, sampleRateHz);
        Biquad[] sections = new Biquad[half.sections.length * 2];
        System.arraycopy(half.sections, 0, sections, 0, half.sections.length);
        System.arraycopy(twice.sections, 0, sections, half.sections.length, twice.sections.length);
        return new HighPass(sections);
    }

    /** Filters {@code x[0..frames)} in place, carrying the state over from the previous call. */
    public void process(double[] x, int frames) {
        for (Biquad section : sections) {
            section.process(x, frames);
        }
    }

    private static void checkCorner(double cornerHz, double sampleRateHz) {
        if (!(cornerHz > 0 && cornerHz < sampleRateHz / 2)) {
            throw new IllegalArgumentException("a high-pass corner lies between 0 Hz and half the sample rate ("
                    + sampleRateHz / 2 + " Hz), not " + cornerHz + " Hz");
        }
    }
}
