package io.mixbench.meter.spectrum.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * How FFT bins add up to frequency bands. Bin {@code k} of an {@code n}-point FFT at sample rate fs stands for the
 * frequencies of its cell {@code [(k - 1/2) fs/n, (k + 1/2) fs/n]}, clipped to 0..fs/2, spread evenly; a bin cut by
 * a band edge counts with the share of its cell on each side. The edges of all bands cut the spectrum into
 * intervals; each frame is summed once per interval (whole bins in a run, cut bins as parts) and a band is the sum
 * of its intervals, so no per-bin array is written per frame. Weights include the one-sided factor (2 for every bin
 * but DC and Nyquist): over 0..fs/2 the sum of {@code |X_k|^2} is {@code n} times the windowed frame's energy.
 */
final class BandPlan {

    private final double[] breakpointsHz;
    /** Bins [runFrom[j], runTo[j]) lie wholly inside interval j and are neither DC nor Nyquist. */
    private final int[] runFrom;
    private final int[] runTo;
    /** Bin partBin[p] adds partWeight[p] times its power to interval partInterval[p]. */
    private final int[] partBin;
    private final int[] partInterval;
    private final double[] partWeight;
    private final int nyquistBin;
    private final double nyquistHz;

    /**
     * @param fftSize the FFT length n
     * @param sampleRateHz the sample rate, Hz
     * @param edgesHz band edges, Hz: every edge that any band uses, each above fs/n/2 (no band reaches DC)
     */
    BandPlan(int fftSize, double sampleRateHz, double[] edgesHz) {
        nyquistHz = sampleRateHz / 2;
        double binHz = sampleRateHz / fftSize;
        nyquistBin = fftSize / 2;
        TreeSet<Double> points = new TreeSet<>();
        for (double edge : edgesHz) {
            if (edge < binHz / 2) {
                throw new IllegalArgumentException("band edge in the DC bin: " + edge + " Hz");
            }
            points.add(Math.min(edge, nyquistHz));
        }
        breakpointsHz = points.stream().mapToDouble(Double::doubleValue).toArray();
        int intervals = breakpointsHz.length - 1;
        runFrom = new int[intervals];
        runTo = new int[intervals];
        List<double[]> parts = new ArrayList<>();
        int first = (int) Math.floor(breakpointsHz[0] / binHz + 0.5);
        int last = Math.min(nyquistBin, (int) Math.floor(breakpointsHz[intervals] / binHz + 0.5));
        Arrays.fill(runFrom, -1);
        for (int k = first; k <= last; k++) {
            double cellLow = Math.max(0, (k - 0.5) * binHz);
            double cellHigh = Math.min(nyquistHz, (k + 0.5) * binHz);
            double oneSided = k == 0 || k == nyquistBin ? 1 : 2;
            for (int j = 0; j < intervals; j++) {
                double low = breakpointsHz[j];
                double high = breakpointsHz[j + 1];
                if (cellLow >= low && cellHigh <= high && k != 0 && k != nyquistBin) {
                    if (runFrom[j] < 0) {
                        runFrom[j] = k;
                    }
                    runTo[j] = k + 1;
                } else {
                    double overlap = Math.min(high, cellHigh) - Math.max(low, cellLow);
                    if (overlap > 0) {
                        parts.add(new double[]{k, j, oneSided * overlap / (cellHigh - cellLow)});
                    }
                }
            }
        }
        for (int j = 0; j < intervals; j++) {
            if (runFrom[j] < 0) {
                runFrom[j] = 0;
                runTo[j] = 0;
            }
        }
        partBin = parts.stream().mapToInt(p -> (int) p[0]).toArray();
        partInterval = parts.stream().mapToInt(p -> (int) p[1]).toArray();
        partWeight = parts.stream().mapToDouble(p -> p[2]).toArray();
    }

    /** The number of intervals between consecutive edges. */
    int intervals() {
        return runFrom.length;
    }

    /**
     * The intervals of band [lowHz, highHz] as {first, end}, or null when the band lies wholly above Nyquist.
     * Both edges must have been given to the constructor.
     */
    int[] intervalsOf(double lowHz, double highHz) {
        if (lowHz >= nyquistHz) {
            return null;
        }
        int from = Arrays.binarySearch(breakpointsHz, lowHz);
        int to = Arrays.binarySearch(breakpointsHz, Math.min(highHz, nyquistHz));
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("not an edge of this plan: " + lowHz + ".." + highHz + " Hz");
        }
        return new int[]{from, to};
    }

    /**
     * Adds the frame's interval sums of |X_k|^2 to {@code power}.
     *
     * @param a the frame's packed real FFT (a[0] = Re X_0, a[1] = Re X_n/2, a[2k], a[2k + 1] = Re, Im X_k)
     */
    void addMono(double[] a, double[] power) {
        for (int j = 0; j < runFrom.length; j++) {
            double sum = 0;
            for (int k = runFrom[j], end = runTo[j]; k < end; k++) {
                double re = a[2 * k];
                double im = a[2 * k + 1];
                sum += re * re + im * im;
            }
            power[j] += 2 * sum;
        }
        for (int p = 0; p < partBin.length; p++) {
            int k = partBin[p];
            double re = re(a, k);
            double im = im(a, k);
            power[partInterval[p]] += partWeight[p] * (re * re + im * im);
        }
    }

    /**
     * Adds the frame's interval sums of |X_L|^2, |X_R|^2 and Re(X_L conj X_R) to {@code left}, {@code right} and
     * {@code cross}; layout of {@code l} and {@code r} as in {@link #addMono}.
     */
    void addStereo(double[] l, double[] r, double[] left, double[] right, double[] cross) {
        for (int j = 0; j < runFrom.length; j++) {
            double sl = 0;
            double sr = 0;
            double sc = 0;
            for (int k = runFrom[j], end = runTo[j]; k < end; k++) {
                double lr = l[2 * k];
                double li = l[2 * k + 1];
                double rr = r[2 * k];
                double ri = r[2 * k + 1];
                sl += lr * lr + li * li;
                sr += rr * rr + ri * ri;
                sc += lr * rr + li * ri;
            }
            left[j] += 2 * sl;
            right[j] += 2 * sr;
            cross[j] += 2 * sc;
        }
        for (int p = 0; p < partBin.length; p++) {
            int k = partBin[p];
            double lr = re(l, k);
            double li = im(l, k);
            double rr = re(r, k);
            double ri = im(r, k);
            double w = partWeight[p];
            int j = partInterval[p];
            left[j] += w * (lr * lr + li * li);
            right[j] += w * (rr * rr + ri * ri);
            cross[j] += w * (lr * rr + li * ri);
        }
    }

    private double re(double[] a, int k) {
        return k == nyquistBin ? a[1] : a[2 * k];
    }

    private double im(double[] a, int k) {
        return k == 0 || k == nyquistBin ? 0 : a[2 * k + 1];
    }
}
