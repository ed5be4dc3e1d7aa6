package io.mixbench.itests.e2e;

/** The signal processing the fixes and plants need, on planar stereo float arrays (index 0 left, 1 right). */
public final class Dsp {

    private Dsp() {
    }

    static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }

    static void gain(float[][] audio, double db) {
        gain(audio, db, 0, Double.POSITIVE_INFINITY, 0);
    }

    /**
     * A gain over {@code startSeconds..endSeconds} (a timed ride), with linear ramps of {@code rampSeconds} just
     * inside the range so the automation does not click.
     */
    static void gain(float[][] audio, double db, double startSeconds, double endSeconds, int rateHz) {
        double g = dbToGain(db);
        int n = audio[0].length;
        boolean timed = Double.isFinite(endSeconds);
        int start = timed ? (int) Math.max(0, Math.round(startSeconds * rateHz)) : 0;
        int end = timed ? (int) Math.min(n, Math.round(endSeconds * rateHz)) : n;
        int ramp = timed ? (int) (0.02 * rateHz) : 0;
        for (int i = start; i < end; i++) {
            double k = 1;
            if (ramp > 0) {
                k = Math.min(1, Math.min((i - start + 1.0) / ramp, (end - i) / (double) ramp));
            }
            double gi = 1 + (g - 1) * k;
            for (float[] channel : audio) {
                channel[i] = (float) (channel[i] * gi);
            }
        }
    }

    /** Left/right gains of a mono source panned to {@code percent} under the constant-power -3 dB law. */
    static double panAngle(double percent) {
        return (percent / 100 + 1) * Math.PI / 4;
    }

    /**
     * Re-pans a stem: folds it to the mono source a constant-power panner would have fed (the pan angle read from
     * the channel energies, exact for a panned mono source) and pans that to {@code percent}.
     */
    static void pan(float[][] audio, double percent) {
        double el = energy(audio[0]);
        double er = energy(audio[1]);
        double theta = Math.atan2(Math.sqrt(er), Math.sqrt(el));
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double to = panAngle(percent);
        double cl = Math.cos(to);
        double cr = Math.sin(to);
        for (int i = 0; i < audio[0].length; i++) {
            double m = c * audio[0][i] + s * audio[1][i];
            audio[0][i] = (float) (m * cl);
            audio[1][i] = (float) (m * cr);
        }
    }

    static double energy(float[] x) {
        double e = 0;
        for (float v : x) {
            e += (double) v * v;
        }
        return e;
    }

    static double peak(float[]... channels) {
        double p = 0;
        for (float[] x : channels) {
            for (float v : x) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    /** Scales the side signal S = (L - R) / 2 to {@code percent} of its level. */
    static void width(float[][] audio, double percent) {
        double k = percent / 100;
        for (int i = 0; i < audio[0].length; i++) {
            double m = (audio[0][i] + audio[1][i]) / 2.0;
            double s = (audio[0][i] - audio[1][i]) / 2.0 * k;
            audio[0][i] = (float) (m + s);
            audio[1][i] = (float) (m - s);
        }
    }

    /** The filter types the fixes name (the {@code filterType} values of rule API 1.2). */
    static final String BUTTERWORTH = "butterworth";
    static final String LINKWITZ_RILEY = "linkwitz-riley";

    /**
     * High-passes the side signal below {@code hz}, leaving the mid as it is: a {@code type} filter
     * ({@value #BUTTERWORTH} or {@value #LINKWITZ_RILEY}) of {@code slopeDbPerOctave} (6 dB/octave per order).
     */
    public static void sideHighPass(float[][] audio, double hz, String type, double slopeDbPerOctave, int rateHz) {
        int n = audio[0].length;
        float[] side = new float[n];
        for (int i = 0; i < n; i++) {
            side[i] = (audio[0][i] - audio[1][i]) / 2f;
        }
        Biquad.highPass(type, order(slopeDbPerOctave), hz, rateHz).process(side);
        for (int i = 0; i < n; i++) {
            double m = (audio[0][i] + audio[1][i]) / 2.0;
            audio[0][i] = (float) (m + side[i]);
            audio[1][i] = (float) (m - side[i]);
        }
    }

    /** High-passes every channel below {@code hz}: a {@code type} filter of {@code slopeDbPerOctave}. */
    static void highPass(float[][] audio, double hz, String type, double slopeDbPerOctave, int rateHz) {
        for (float[] channel : audio) {
            Biquad.highPass(type, order(slopeDbPerOctave), hz, rateHz).process(channel);
        }
    }

    /** The filter order of a slope: 6 dB/octave per order; a slope that is no whole order is a wrong fix. */
    static int order(double slopeDbPerOctave) {
        double order = slopeDbPerOctave / 6;
        if (!(order >= 1) || order != Math.rint(order)) {
            throw new AssertionError("a filter slope that is no whole order: " + slopeDbPerOctave + " dB/octave");
        }
        return (int) order;
    }

    /** A broad peaking EQ (RBJ bell) at {@code hz} with this Q, on every channel. */
    static void bellQ(float[][] audio, double hz, double gainDb, double q, int rateHz) {
        for (float[] channel : audio) {
            Biquad.peaking(hz, gainDb, q, rateHz).process(channel);
        }
    }

    /** A broad peaking EQ (RBJ bell) at {@code hz}, {@code octaves} wide, on every channel. */
    static void bell(float[][] audio, double hz, double gainDb, double octaves, int rateHz) {
        double q = Math.sqrt(Math.pow(2, octaves)) / (Math.pow(2, octaves) - 1);
        for (float[] channel : audio) {
            Biquad.peaking(hz, gainDb, q, rateHz).process(channel);
        }
    }

    static void invert(float[] channel) {
        for (int i = 0; i < channel.length; i++) {
            channel[i] = -channel[i];
        }
    }

    /** Delays (negative: advances) every channel by {@code ms}; linear interpolation for the fraction. */
    static void delay(float[][] audio, double ms, int rateHz) {
        double d = ms / 1000 * rateHz;
        int n = audio[0].length;
        for (int c = 0; c < audio.length; c++) {
            float[] in = audio[c].clone();
            for (int i = 0; i < n; i++) {
                double at = i - d;
                int i0 = (int) Math.floor(at);
                double frac = at - i0;
                double a = i0 >= 0 && i0 < n ? in[i0] : 0;
                double b = i0 + 1 >= 0 && i0 + 1 < n ? in[i0 + 1] : 0;
                audio[c][i] = (float) (a + (b - a) * frac);
            }
        }
    }

    /** Shifts left minus right by {@code db}: +db/2 on the left channel, -db/2 on the right. */
    static void balance(float[][] audio, double db) {
        double l = dbToGain(db / 2);
        double r = dbToGain(-db / 2);
        for (int i = 0; i < audio[0].length; i++) {
            audio[0][i] = (float) (audio[0][i] * l);
            audio[1][i] = (float) (audio[1][i] * r);
        }
    }

    /** A stereo-linked peak limiter: instant attack to {@code ceiling} (linear), exponential release. */
    static void limit(float[][] audio, double ceiling, double releaseSeconds, int rateHz) {
        double recover = 1 - Math.exp(-1 / (releaseSeconds * rateHz));
        double g = 1;
        for (int i = 0; i < audio[0].length; i++) {
            double level = Math.max(Math.abs(audio[0][i]), Math.abs(audio[1][i]));
            g += (1 - g) * recover;
            if (level * g > ceiling) {
                g = ceiling / level;
            }
            audio[0][i] = (float) (audio[0][i] * g);
            audio[1][i] = (float) (audio[1][i] * g);
        }
    }

    /**
     * A true-peak limiter: the inter-sample peaks are estimated by 4x windowed-sinc interpolation, the needed gain
     * is held over a look-around of {@code holdSeconds} either side (so the gain is down before the peak arrives)
     * and released exponentially. It aims 0.2 dB under {@code ceilingDbtp} to cover the estimate's error.
     */
    static void limitTruePeak(float[][] audio, double ceilingDbtp, int rateHz) {
        int n = audio[0].length;
        double ceiling = dbToGain(ceilingDbtp - 0.2);
        double[] need = new double[n];
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (float[] x : audio) {
                p = Math.max(p, Math.abs(x[i]));
                for (int phase = 1; phase < 4; phase++) {
                    p = Math.max(p, Math.abs(interpolate(x, i, phase / 4.0)));
                }
            }
            need[i] = p > ceiling ? ceiling / p : 1;
        }
        int hold = (int) (0.002 * rateHz);
        double recover = 1 - Math.exp(-1 / (0.05 * rateHz));
        double g = 1;
        for (int i = 0; i < n; i++) {
            double target = 1;
            for (int j = Math.max(0, i - hold); j <= Math.min(n - 1, i + hold); j++) {
                target = Math.min(target, need[j]);
            }
            g = target < g ? target : g + (target - g) * recover;
            audio[0][i] = (float) (audio[0][i] * g);
            audio[1][i] = (float) (audio[1][i] * g);
        }
    }

    /** The signal between sample i and i + 1 at {@code frac}, by a Hann-windowed sinc over 16 taps either side. */
    private static double interpolate(float[] x, int i, double frac) {
        double sum = 0;
        for (int k = -15; k <= 16; k++) {
            int j = i + k;
            if (j < 0 || j >= x.length) {
                continue;
            }
            double t = frac - k;
            double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
            double window = 0.5 + 0.5 * Math.cos(Math.PI * t / 17);
            sum += x[j] * sinc * window;
        }
        return sum;
    }

    /** One RBJ-cookbook biquad section (or a cascade, for the 4th-order high-pass). */
    static final class Biquad {
        private final double[][] c;

        private Biquad(double[]... sections) {
            c = sections;
        }

        /**
         * A high-pass of this type and order: Butterworth as 2nd-order sections at the Q of its pole pairs (and a
         * 1st-order section for an odd order); Linkwitz-Riley of order 2n as two Butterworth filters of order n.
         */
        static Biquad highPass(String type, int order, double hz, int rateHz) {
            return switch (type) {
                case BUTTERWORTH -> new Biquad(butterworth(order, hz, rateHz));
                case LINKWITZ_RILEY -> {
                    if (order % 2 != 0) {
                        throw new AssertionError("a Linkwitz-Riley filter of odd order " + order);
                    }
                    double[][] half = butterworth(order / 2, hz, rateHz);
                    double[][] both = new double[2 * half.length][];
                    for (int i = 0; i < half.length; i++) {
                        both[i] = half[i];
                        both[half.length + i] = half[i];
                    }
                    yield new Biquad(both);
                }
                default -> throw new AssertionError("unknown filter type " + type);
            };
        }

        private static double[][] butterworth(int order, double hz, int rateHz) {
            double[][] sections = new double[(order + 1) / 2][];
            for (int k = 0; k < order / 2; k++) {
                double q = 1 / (2 * Math.cos((2 * k + 1) * Math.PI / (2 * order)));
                sections[k] = highPassSection(hz, q, rateHz);
            }
            if (order % 2 == 1) {
                // bilinear 1st-order high-pass, prewarped to the corner like the RBJ sections
                double k = Math.tan(Math.PI * hz / rateHz);
                sections[order / 2] = new double[]{1 / (1 + k), -1 / (1 + k), 0, (k - 1) / (k + 1), 0};
            }
            return sections;
        }

        private static double[] highPassSection(double hz, double q, int rateHz) {
            double w = 2 * Math.PI * hz / rateHz;
            double alpha = Math.sin(w) / (2 * q);
            double cos = Math.cos(w);
            double a0 = 1 + alpha;
            return new double[]{(1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0,
                    (1 - alpha) / a0};
        }

        static Biquad peaking(double hz, double gainDb, double q, int rateHz) {
            double a = Math.pow(10, gainDb / 40);
            double w = 2 * Math.PI * hz / rateHz;
            double alpha = Math.sin(w) / (2 * q);
            double cos = Math.cos(w);
            double a0 = 1 + alpha / a;
            return new Biquad(new double[]{(1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0,
                    -2 * cos / a0, (1 - alpha / a) / a0});
        }

        /** Filters in place (direct form I, fresh state). */
        void process(float[] x) {
            for (double[] s : c) {
                double x1 = 0;
                double x2 = 0;
                double y1 = 0;
                double y2 = 0;
                for (int i = 0; i < x.length; i++) {
                    double in = x[i];
                    double y = s[0] * in + s[1] * x1 + s[2] * x2 - s[3] * y1 - s[4] * y2;
                    x2 = x1;
                    x1 = in;
                    y2 = y1;
                    y1 = y;
                    x[i] = (float) y;
                }
            }
        }
    }
}
