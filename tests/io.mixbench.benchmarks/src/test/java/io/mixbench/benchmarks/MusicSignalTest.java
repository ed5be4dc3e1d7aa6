package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MusicSignalTest {

    private static float[][] render(int rate, long seed, int seconds, int blockFrames) {
        MusicSignal signal = new MusicSignal(rate, seed);
        int frames = rate * seconds;
        float[][] out = new float[2][frames];
        float[][] block = new float[2][blockFrames];
        for (int done = 0; done < frames;) {
            int n = Math.min(blockFrames, frames - done);
            signal.fill(block, n);
            System.arraycopy(block[0], 0, out[0], done, n);
            System.arraycopy(block[1], 0, out[1], done, n);
            done += n;
        }
        return out;
    }

    private static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    @Test
    void theSameSamplesWhateverTheBlockSize() {
        float[][] a = render(48_000, 1, 20, 8192);
        float[][] b = render(48_000, 1, 20, 1000);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        float[][] other = render(48_000, 2, 20, 8192);
        assertFalse(Arrays.equals(a[0], other[0]), "the seed drives the noise and the melody");
    }

    @Test
    void peaksBelowFullScaleWithRealisticHeadroom() {
        float[][] x = render(48_000, 1, 120, 4096);
        float peak = 0;
        for (float[] channel : x) {
            for (float v : channel) {
                assertFalse(Float.isNaN(v));
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertTrue(peak < 0.96f && peak > 0.7f, "peak " + peak);
    }

    @Test
    void hasTheDynamicsStereoAndSpectrumOfMusicNotOfNoise() {
        int rate = 48_000;
        float[][] x = render(rate, 1, 120, 4096);
        // Level over 3 s windows: the intro and the break are quieter than the choruses.
        double loudest = Double.NEGATIVE_INFINITY;
        double quietest = Double.POSITIVE_INFINITY;
        for (int start = 0; start + 3 * rate <= x[0].length; start += 3 * rate) {
            double db = rmsDb(x[0], start, start + 3 * rate);
            loudest = Math.max(loudest, db);
            quietest = Math.min(quietest, db);
        }
        assertTrue(loudest - quietest > 4 && loudest - quietest < 20, "range " + (loudest - quietest) + " dB");
        // Energy sits at low frequencies: neighbouring samples are strongly correlated (white noise: about 0).
        double lag1 = 0;
        double energy = 0;
        double lr = 0;
        double rr = 0;
        for (int i = 1; i < x[0].length; i++) {
            lag1 += x[0][i] * (double) x[0][i - 1];
            energy += x[0][i] * (double) x[0][i];
            lr += x[0][i] * (double) x[1][i];
            rr += x[1][i] * (double) x[1][i];
        }
        assertTrue(lag1 / energy > 0.9, "lag-1 autocorrelation " + lag1 / energy);
        double correlation = lr / Math.sqrt(energy * rr);
        assertTrue(correlation > 0.5 && correlation < 0.999, "L/R correlation " + correlation);
    }

    @Test
    void soundsTheSameAtEverySampleRate() {
        double at48 = rmsDb(render(48_000, 1, 40, 4096)[0], 0, 48_000 * 40);
        for (int rate : new int[]{44_100, 96_000}) {
            double db = rmsDb(render(rate, 1, 40, 4096)[0], 0, rate * 40);
            assertEquals(at48, db, 0.5, rate + " Hz");
        }
    }
}
