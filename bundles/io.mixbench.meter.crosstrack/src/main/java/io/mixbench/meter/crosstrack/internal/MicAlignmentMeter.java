package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Polarity and lag of each track of a mic group against the first, by generalized cross-correlation in one streaming
 * pass. Each track is folded to mono (the mean of its channels) and cut into periodic-Hann frames of w samples (the
 * smallest power of two of at least fs / 10, 8192 at 44.1 and 48 kHz), 50 % overlap, zero-padded to 2w so the
 * correlation is linear, not circular. Frame k covers samples [(k - 1) w/2, (k + 1) w/2); every sample falls in two
 * frames. The cross-spectra conj(X_0) X_k are summed over the frames.
 *
 * <p>At the end the summed cross-spectrum is PHAT-weighted (each bin divided by its magnitude, so every frequency
 * votes equally and a boomy kick mic does not smear the peak) and transformed back: the largest |value| within
 * +-10 ms gives the lag, refined between samples by a parabola through the peak and its neighbours, and its sign the
 * polarity. The plain (unweighted) correlation at that lag, normalised by the frames' energies, is the correlation
 * reported (-1..1); the height of the PHAT peak (0..1) says how clearly one lag stands out.
 */
final class MicAlignmentMeter implements CrossTrackMeter {

    /** The lag search range, +-ms: further apart than this is not one source's mics. */
    static final double MAX_LAG_MS = 10;
    /** PHAT ignores bins this far below the strongest one: their phase is rounding noise. */
    private static final double PHAT_FLOOR = 1e-9;

    static {
        // The bundle's private copy of JTransforms must not start threads: meters already run one per thread.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int sampleRateHz;
    private final int[] channels;
    private final int w;
    private final int hop;
    private final int n;
    private final int maxLag;
    private final DoubleFFT_1D fft;
    private final double[] window;
    /** Per track: the previous hop of mono samples, then the one being filled. */
    private final double[][] history;
    /** Per track: the current frame's packed spectrum. */
    private final double[][] spectrum;
    /** Per pair (track k >= 1 against track 0): summed packed conj(X_0) X_k. */
    private final double[][] cross;
    /** Per track: summed energy of the windowed frames. */
    private final double[] energy;
    private int fill;
    private long position;
    private boolean finished;

    /**
     * @param sampleRateHz the tracks' common sample rate, Hz
     * @param channels each track's channels, the reference first; at least two tracks
     */
    MicAlignmentMeter(int sampleRateHz, int[] channels) {
        if (channels.length < 2) {
            throw new IllegalArgumentException("a pair needs two tracks");
        }
        this.sampleRateHz = sampleRateHz;
        this.channels = channels.clone();
        this.w = frameLength(sampleRateHz);
        this.hop = w / 2;
        this.n = 2 * w;
        this.maxLag = (int) Math.min(w - 1, Math.floor(MAX_LAG_MS * sampleRateHz / 1000));
        this.fft = new DoubleFFT_1D(n);
        window = new double[w];
        for (int i = 0; i < w; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / w);
        }
        int tracks = channels.length;
        history = new double[tracks][w];
        spectrum = new double[tracks][n];
        cross = new double[tracks - 1][n];
        energy = new double[tracks];
    }

    /** The frame length for a sample rate: the smallest power of two of at least fs / 10 (at least 256). */
    static int frameLength(int sampleRateHz) {
        int size = 256;
        while (size < sampleRateHz / 10.0) {
            size *= 2;
        }
        return size;
    }

    @Override
    public void process(float[][][] blocks, int frames) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        int offset = 0;
        while (offset < frames) {
            int count = Math.min(frames - offset, hop - fill);
            for (int t = 0; t < channels.length; t++) {
                load(blocks[t], channels[t], history[t], offset, hop + fill, count);
            }
            offset += count;
            fill += count;
            position += count;
            if (fill == hop) {
                transformFrame();
                shift();
            }
        }
    }

    private static void load(float[][] block, int channels, double[] h, int from, int to, int count) {
        if (channels == 1) {
            float[] x = block[0];
            for (int i = 0; i < count; i++) {
                h[to + i] = x[from + i];
            }
            return;
        }
        double scale = 1.0 / channels;
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += block[c][from + i];
            }
            h[to + i] = sum * scale;
        }
    }

    private void shift() {
        for (double[] h : history) {
            System.arraycopy(h, hop, h, 0, hop);
        }
        fill = 0;
    }

    private void transformFrame() {
        for (int t = 0; t < history.length; t++) {
            double[] h = history[t];
            double[] a = spectrum[t];
            double e = 0;
            for (int i = 0; i < w; i++) {
                double v = window[i] * h[i];
                a[i] = v;
                e += v * v;
            }
            java.util.Arrays.fill(a, w, n, 0.0);
            energy[t] += e;
            fft.realForward(a);
        }
        double[] x = spectrum[0];
        for (int k = 1; k < history.length; k++) {
            double[] y = spectrum[k];
            double[] g = cross[k - 1];
            // Packed layout: a[0] = Re X_0, a[1] = Re X_n/2, a[2j], a[2j + 1] = Re, Im X_j.
            g[0] += x[0] * y[0];
            g[1] += x[1] * y[1];
            for (int j = 2; j < n; j += 2) {
                double xr = x[j];
                double xi = x[j + 1];
                double yr = y[j];
                double yi = y[j + 1];
                g[j] += xr * yr + xi * yi;
                g[j + 1] += xr * yi - xi * yr;
            }
        }
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        if (fill > 0) {
            // The partial last hop, zero-padded, in the second half of a frame ...
            for (double[] h : history) {
                java.util.Arrays.fill(h, hop + fill, w, 0.0);
            }
            transformFrame();
            shift();
        }
        if (position > 0) {
            // ... and the last hop in the first half of one more, so every sample is in two frames.
            for (double[] h : history) {
                java.util.Arrays.fill(h, hop, w, 0.0);
            }
            transformFrame();
        }
        Map<String, Measurement> out = new LinkedHashMap<>();
        out.put(CrossTrackIds.PAIRS, Scalar.of(channels.length - 1, Units.COUNT));
        double[] work = new double[n];
        for (int k = 1; k < channels.length; k++) {
            measurePair(k, work, out);
        }
        return out;
    }

    private void measurePair(int k, double[] work, Map<String, Measurement> out) {
        if (energy[0] == 0 || energy[k] == 0 || !Double.isFinite(energy[0]) || !Double.isFinite(energy[k])) {
            String reason = energy[0] == 0 || energy[k] == 0 ? CrossTrackIds.SILENT : MeasurementReasons.NON_FINITE;
            out.put(CrossTrackIds.pairLag(k), Scalar.absent(Units.MILLISECONDS, reason));
            out.put(CrossTrackIds.pairInverted(k), Scalar.absent(Units.FLAG, reason));
            out.put(CrossTrackIds.pairCorrelation(k), Scalar.absent(Units.RATIO, reason));
            out.put(CrossTrackIds.pairCoherence(k), Scalar.absent(Units.RATIO, reason));
            return;
        }
        double[] g = cross[k - 1];
        phat(g, work);
        fft.realInverse(work, true);
        int best = 0;
        double bestAbs = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double v = Math.abs(work[index(lag)]);
            if (v > bestAbs) {
                bestAbs = v;
                best = lag;
            }
        }
        double peak = work[index(best)];
        double sign = peak < 0 ? -1 : 1;
        double before = sign * work[index(best - 1)];
        double at = sign * peak;
        double after = sign * work[index(best + 1)];
        double curvature = before - 2 * at + after;
        double offset = curvature < 0 ? 0.5 * (before - after) / curvature : 0;
        double lag = Math.max(-maxLag, Math.min(maxLag, best + Math.max(-0.5, Math.min(0.5, offset))));

        System.arraycopy(g, 0, work, 0, n);
        fft.realInverse(work, true);
        double correlation = work[index(best)] / Math.sqrt(energy[0] * energy[k]);

        out.put(CrossTrackIds.pairLag(k), Scalar.of(1000 * lag / sampleRateHz, Units.MILLISECONDS));
        out.put(CrossTrackIds.pairInverted(k), Scalar.of(sign < 0 ? 1 : 0, Units.FLAG));
        out.put(CrossTrackIds.pairCorrelation(k), Scalar.of(Math.max(-1, Math.min(1, correlation)), Units.RATIO));
        out.put(CrossTrackIds.pairCoherence(k), Scalar.of(Math.min(1, bestAbs), Units.RATIO));
    }

    /** The cross-spectrum with every bin scaled to unit magnitude; bins with next to no energy are dropped. */
    private void phat(double[] g, double[] out) {
        double strongest = Math.max(Math.abs(g[0]), Math.abs(g[1]));
        for (int j = 2; j < n; j += 2) {
            strongest = Math.max(strongest, Math.hypot(g[j], g[j + 1]));
        }
        double floor = strongest * PHAT_FLOOR;
        out[0] = Math.abs(g[0]) > floor ? Math.signum(g[0]) : 0;
        out[1] = Math.abs(g[1]) > floor ? Math.signum(g[1]) : 0;
        for (int j = 2; j < n; j += 2) {
            double magnitude = Math.hypot(g[j], g[j + 1]);
            if (magnitude > floor) {
                out[j] = g[j] / magnitude;
                out[j + 1] = g[j + 1] / magnitude;
            } else {
                out[j] = 0;
                out[j + 1] = 0;
            }
        }
    }

    /** Where lag {@code lag} sits in the circular correlation of length n. */
    private int index(int lag) {
        return Math.floorMod(lag, n);
    }
}
