package io.mixbench.plan.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.wav.WavEncoding;
import org.junit.jupiter.api.Test;

class QuantizerTest {

    private static final double LSB_16 = 1.0 / 32768;

    @Test
    void ditherLetsASineBelowOneStepSurviveWithTpdfNoise() {
        int frames = 10 * 48_000;
        double amplitude = Math.pow(10, -100.0 / 20); // a third of a 16-bit step
        double[] x = Signals.sine(1000, amplitude, frames);
        float[] y = new float[frames];
        Quantizer.dithered(WavEncoding.PCM_16, 42).quantize(x, y, frames);
        double[] error = new double[frames];
        double[] written = new double[frames];
        double mean = 0;
        for (int i = 0; i < frames; i++) {
            assertEquals(Math.rint(y[i] * 32768.0), y[i] * 32768.0, 0, "on the 16-bit steps");
            written[i] = y[i];
            error[i] = (y[i] - x[i]) / LSB_16;
            mean += error[i] / frames;
        }
        assertEquals(amplitude, Signals.amplitude(written, 1000, 0), amplitude * 0.05, "the sine survives");
        assertEquals(0, mean, 0.01, "the error's mean, LSB");
        // rounding (1/12 LSB^2) plus the triangular dither (1/6 LSB^2): 0.5 LSB RMS, independent of the signal
        assertEquals(0.5, Math.sqrt(Signals.energy(error, 0) / frames), 0.01, "the error's RMS, LSB");
        for (double e : error) {
            assertTrue(Math.abs(e) <= 1.5, "at most 1.5 LSB off");
        }
    }

    @Test
    void withoutDitherTheSameSineIsLost() {
        double[] x = Signals.sine(1000, Math.pow(10, -100.0 / 20), 4800);
        float[] y = new float[x.length];
        Quantizer.plain(WavEncoding.PCM_16).quantize(x, y, x.length);
        for (float v : y) {
            assertEquals(0f, v);
        }
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        double[] x = Signals.sine(1000, 0.3, 4800);
        float[] a = new float[x.length];
        float[] b = new float[x.length];
        Quantizer.dithered(WavEncoding.PCM_24, Quantizer.seed("Kick.wav")).quantize(x, a, x.length);
        Quantizer.dithered(WavEncoding.PCM_24, Quantizer.seed("Kick.wav")).quantize(x, b, x.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    @Test
    void integersClipAtFullScaleAndFloatsAreKept() {
        Quantizer pcm = Quantizer.plain(WavEncoding.PCM_24);
        assertEquals(8388607 / 8388608f, pcm.quantize(1.5));
        assertEquals(-1f, pcm.quantize(-1.5));
        assertEquals(1.5f, Quantizer.dithered(WavEncoding.FLOAT_32, 1).quantize(1.5));
    }
}
