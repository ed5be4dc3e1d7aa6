package io.mixbench.plan.internal.render;

import io.mixbench.audio.wav.WavEncoding;
import java.util.SplittableRandom;

/**
 * Turns rendered samples into the values a WAV file of an encoding holds: floats as they are, integers rounded to
 * their step with TPDF dither (the difference of two uniform variables, +-1 LSB peak; a fixed seed, so a render is
 * reproducible). The result is exactly what {@link io.mixbench.audio.wav.WavWriter} stores and a decoder reads back,
 * so a mix summed from it is the sum of the files. Not thread-safe: one per file.
 */
public final class Quantizer {

    private final boolean integer;
    private final double fullScale;
    private final double inverseFullScale;
    private final SplittableRandom dither;

    private Quantizer(WavEncoding encoding, SplittableRandom dither) {
        this.integer = !encoding.isFloatingPoint();
        this.fullScale = Math.scalb(1.0, encoding.bitsPerSample() - 1);
        this.inverseFullScale = 1 / fullScale; // a power of two: exact
        this.dither = integer ? dither : null;
    }

    /**
     * @param encoding {@link WavEncoding#FLOAT_32}, {@link WavEncoding#PCM_16} or {@link WavEncoding#PCM_24}
     * @param seed the dither's seed
     */
    public static Quantizer dithered(WavEncoding encoding, long seed) {
        return new Quantizer(encoding, new SplittableRandom(seed));
    }

    /** Rounding without dither: for samples already on the encoding's steps (a part the plan leaves as it is). */
    public static Quantizer plain(WavEncoding encoding) {
        return new Quantizer(encoding, null);
    }

    /** A fixed seed for a file's dither, from its name. */
    public static long seed(String fileName) {
        return 0x6D69_7862_656E_6368L ^ fileName.hashCode();
    }

    /**
     * The value the file stores for {@code x}: {@code (float) x}, or the nearest integer step of
     * {@code x + dither}, clipped to full scale, as a float (exact: 24 bits fit a float's mantissa).
     */
    public float quantize(double x) {
        if (!integer) {
            return (float) x;
        }
        double step = Math.floor(x * fullScale + noise() + 0.5);
        step = Math.max(-fullScale, Math.min(fullScale - 1, step));
        return (float) (step * inverseFullScale);
    }

    /** {@link #quantize(double)} of {@code in[0..frames)} into {@code out}. */
    public void quantize(double[] in, float[] out, int frames) {
        if (!integer) {
            for (int i = 0; i < frames; i++) {
                out[i] = (float) in[i];
            }
            return;
        }
        for (int i = 0; i < frames; i++) {
            out[i] = quantize(in[i]);
        }
    }

    /** The TPDF dither in LSB, -1..1: two uniform variables from one draw's halves, subtracted; 0 without dither. */
    private double noise() {
        if (dither == null) {
            return 0;
        }
        long bits = dither.nextLong();
        return ((bits >>> 32) - (bits & 0xFFFF_FFFFL)) * 0x1p-32;
    }
}
