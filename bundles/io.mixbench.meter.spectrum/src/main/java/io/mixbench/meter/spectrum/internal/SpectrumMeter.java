package io.mixbench.meter.spectrum.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.StereoEnergies;
import io.mixbench.meter.TonalBands;
import io.mixbench.meter.Units;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Welch long-term average spectrum in one streaming pass: periodic Hann window of n samples (n the smallest power of
 * two of at least fs / 10 Hz, so bins are at most 10 Hz apart: 8192 at 44.1 and 48 kHz), 50 % overlap. Frames start
 * at multiples of n/2 and lie wholly inside the file; one more frame ends at the file's last sample when the regular
 * ones stop short of it. A file shorter than n is one frame, centred and zero-padded. Summed powers are divided by
 * the window energy that fell on samples, so a short file is not read low. No frame is zero-padded at a file that
 * starts or ends abruptly, so its edges do not splatter energy across the spectrum.
 *
 * <p>Stereo files are transformed per channel; the mid M = (L + R) / 2 follows from X_M = (X_L + X_R) / 2, and the
 * cross-spectrum Re(X_L conj X_R) gives per-band correlation and mono-sum loss. Mono files are their own mid; files
 * with more channels are averaged to a mid before the transform and have no per-channel values.
 *
 * <p>The low end (below a crossover, default 200 Hz) is the spectrum weighted by the power response of a 4th-order
 * Butterworth low-pass at the crossover, |H(f)|^2 = 1 / (1 + (f / fc)^8): its L/R balance, pan, side-to-mid energy
 * and correlation come from the same transforms, so no time-domain filter runs for them.
 */
final class SpectrumMeter implements Meter {

    /** Hops of samples kept: two for a frame, plus the one being filled, for the frame that ends the file. */
    private static final int BLOCKS = 3;
    /** Steps of the band-level series per second (100 ms steps). */
    private static final int STEPS_PER_SECOND = 10;
    /** Default low-end crossover, Hz. */
    static final double DEFAULT_CROSSOVER_HZ = 200;
    /** Below this AES17 RMS level (dBFS) of the low-end-weighted signal there is no low end to judge. */
    static final double LOW_END_FLOOR_DBFS = -90;
    /**
     * Bins whose low-end weight falls below this (-100 dB, about 18 x the crossover) are left out: the low-end ratios
     * are limited to 100 dB anyway.
     */
    private static final double LOW_END_WEIGHT_FLOOR = 1e-10;
    /** The bandwidth is looked for in strips of this width (Hz) from {@link #BANDWIDTH_FROM_HZ} up. */
    static final double BANDWIDTH_STRIP_HZ = 250;
    static final double BANDWIDTH_FROM_HZ = 4000;
    /** Above this no band is judged, so no bandwidth is looked for. */
    static final double BANDWIDTH_TO_HZ = 24000;
    /**
     * Content stops where the power density of the kilohertz below a strip edge exceeds that of every strip past the
     * filter's slope by this much (dB). A codec's or a resampler's low-pass is a cliff of 60 dB and more within a few hundred hertz;
     * a natural roll-off loses a few dB per kilohertz, and a lone tone is outweighed by the kilohertz around it.
     */
    static final double BANDWIDTH_CLIFF_DB = 30;
    /** The last strip below a cliff must itself stand this far (dB) above everything past the slope. */
    static final double BANDWIDTH_EDGE_DB = 20;
    /** Strips averaged below a candidate edge: one kilohertz. */
    private static final int BANDWIDTH_STRIPS_BELOW = 4;
    /**
     * A strip this far (dB) below the file's mean power density holds nothing audible (rounding noise of a
     * low-frequency part, which would otherwise read as content reaching Nyquist): it counts at this floor.
     */
    static final double BANDWIDTH_FLOOR_DB = 100;

    static {
        // The bundle's private copy of JTransforms must not start threads or allocate tasks per transform: meters
        // run one per analysis thread already.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int sampleRateHz;
    private final int channels;
    private final boolean stereo;
    private final int n;
    private final int hop;
    private final DoubleFFT_1D fft;
    private final double[] window;
    /** cumulativeWindowEnergy[i] = sum of window[j]^2 for j < i. */
    private final double[] cumulativeWindowEnergy;
    /**
     * Per transformed channel, the last three hops of samples: file sample t is in block (t / hop) % 3 at t % hop.
     * Rotating blocks instead of shifting one buffer saves a copy per frame.
     */
    private final float[][][] blocks;
    private final double[][] work;
    /** The edges of the 1/3-octave and tonal-balance bands cut the spectrum into the plan's intervals. */
    private final BandPlan plan;
    /** Per 1/3-octave band, its intervals as {first, end}; null above Nyquist. */
    private final int[][] thirdOctaveIntervals;
    private final int[][] tonalIntervals;
    /** The bandwidth strips' intervals as {first, end}, up to the last strip below Nyquist. */
    private final int[][] stripIntervals;
    /** The strips' widths below Nyquist, Hz. */
    private final double[] stripWidthsHz;
    /**
     * Per interval, this frame's sums of |X_k|^2: of the mid (mono, multichannel) or the left channel (stereo); of
     * the right channel; of Re(X_L,k conj X_R,k). Then the same summed over all frames.
     */
    private final double[] frameA;
    private final double[] frameB;
    private final double[] frameCross;
    private final double[] totalA;
    private final double[] totalB;
    private final double[] totalCross;
    private final double[] stepBand;
    private final double[] lastFrameBand;
    private final FloatList[] bandSeries;
    /** Per bin k below lowEndWeight.length: one-sided factor times the crossover's power response at bin k. */
    private final double[] lowEndWeight;
    /** Low-end-weighted sums over all frames of |X_L|^2 (or the mid's), |X_R|^2 and Re(X_L conj X_R). */
    private double lowLeft;
    private double lowRight;
    private double lowCross;

    private long position;
    private int fill;
    private double windowEnergy;
    private double lastFrameEnergy;
    private double stepWindowEnergy;
    private int step;
    private long nextStepStart;
    private boolean finished;
    private long transforms;

    SpectrumMeter(int sampleRateHz, int channels, long declaredFrames) {
        this(sampleRateHz, channels, declaredFrames, DEFAULT_CROSSOVER_HZ);
    }

    /**
     * @param sampleRateHz the file's sample rate, Hz
     * @param channels the channel count
     * @param declaredFrames the header's frame count, or -1; only sizes buffers
     * @param crossoverHz the low-end crossover, Hz
     */
    SpectrumMeter(int sampleRateHz, int channels, long declaredFrames, double crossoverHz) {
        if (channels < 1) {
            throw new IllegalArgumentException("at least one channel");
        }
        if (!(crossoverHz > 0) || Double.isInfinite(crossoverHz)) {
            throw new IllegalArgumentException("the crossover must be a positive frequency, was " + crossoverHz);
        }
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        this.stereo = channels == 2;
        this.n = fftSize(sampleRateHz);
        this.hop = n / 2;
        this.fft = new DoubleFFT_1D(n);
        window = new double[n];
        cumulativeWindowEnergy = new double[n + 1];
        for (int i = 0; i < n; i++) {
            // Periodic Hann: 50 % overlapped copies sum to a constant.
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            cumulativeWindowEnergy[i + 1] = cumulativeWindowEnergy[i] + window[i] * window[i];
        }
        int transformed = stereo ? 2 : 1;
        blocks = new float[transformed][BLOCKS][hop];
        work = new double[transformed][n];
        double[][] third = Bands.thirdOctaveEdges();
        double[][] tonal = Bands.tonalEdges();
        double[][] strips = bandwidthStrips(sampleRateHz);
        double[] edges = new double[2 * (third[0].length + tonal[0].length + strips[0].length)];
        int e = 0;
        for (double[][] set : new double[][][]{third, tonal, strips}) {
            for (int b = 0; b < set[0].length; b++) {
                edges[e++] = set[0][b];
                edges[e++] = set[1][b];
            }
        }
        plan = new BandPlan(n, sampleRateHz, edges);
        thirdOctaveIntervals = intervals(third);
        tonalIntervals = intervals(tonal);
        stripIntervals = intervals(strips);
        stripWidthsHz = new double[strips[0].length];
        for (int i = 0; i < stripWidthsHz.length; i++) {
            stripWidthsHz[i] = strips[1][i] - strips[0][i];
        }
        int intervals = plan.intervals();
        frameA = new double[intervals];
        frameB = new double[intervals];
        frameCross = new double[intervals];
        totalA = new double[intervals];
        totalB = new double[intervals];
        totalCross = new double[intervals];
        stepBand = new double[tonalIntervals.length];
        lastFrameBand = new double[tonalIntervals.length];
        bandSeries = new FloatList[tonalIntervals.length];
        int capacity = FloatList.stepCapacity(declaredFrames, sampleRateHz);
        for (int b = 0; b < bandSeries.length; b++) {
            bandSeries[b] = new FloatList(capacity);
        }
        nextStepStart = stepStart(1);
        lowEndWeight = lowEndWeights(n, sampleRateHz, crossoverHz);
    }

    /**
     * Per bin, from DC up to the last bin whose weight reaches {@link #LOW_END_WEIGHT_FLOOR}: the one-sided factor (2,
     * 1 for DC and Nyquist) times 1 / (1 + (f / fc)^8).
     */
    static double[] lowEndWeights(int n, double sampleRateHz, double crossoverHz) {
        double binHz = sampleRateHz / n;
        int nyquist = n / 2;
        int bins = 0;
        while (bins <= nyquist && response(bins * binHz, crossoverHz) >= LOW_END_WEIGHT_FLOOR) {
            bins++;
        }
        double[] weights = new double[bins];
        for (int k = 0; k < bins; k++) {
            weights[k] = (k == 0 || k == nyquist ? 1 : 2) * response(k * binHz, crossoverHz);
        }
        return weights;
    }

    /** Power response of a 4th-order Butterworth low-pass, 0..1. */
    static double response(double frequencyHz, double crossoverHz) {
        double r = frequencyHz / crossoverHz;
        double r2 = r * r;
        double r4 = r2 * r2;
        return 1 / (1 + r4 * r4);
    }

    /**
     * The bandwidth strips below Nyquist as {lows, highs}, Hz: {@link #BANDWIDTH_STRIP_HZ} wide from
     * {@link #BANDWIDTH_FROM_HZ} to {@link #BANDWIDTH_TO_HZ}, the last one cut at Nyquist. Band edges share the
     * meter's one pass over the bins, so the strips cost a few more interval sums per frame.
     */
    static double[][] bandwidthStrips(double sampleRateHz) {
        double top = Math.min(BANDWIDTH_TO_HZ, sampleRateHz / 2);
        int count = (int) Math.max(0, Math.ceil((top - BANDWIDTH_FROM_HZ) / BANDWIDTH_STRIP_HZ - 1e-9));
        double[][] strips = new double[2][count];
        for (int i = 0; i < count; i++) {
            strips[0][i] = BANDWIDTH_FROM_HZ + i * BANDWIDTH_STRIP_HZ;
            strips[1][i] = Math.min(top, strips[0][i] + BANDWIDTH_STRIP_HZ);
        }
        return strips;
    }

    private int[][] intervals(double[][] edges) {
        int[][] out = new int[edges[0].length][];
        for (int b = 0; b < out.length; b++) {
            out[b] = plan.intervalsOf(edges[0][b], edges[1][b]);
        }
        return out;
    }

    /** The FFT length for a sample rate: the smallest power of two of at least fs / 10 Hz (at least 16). */
    static int fftSize(int sampleRateHz) {
        int size = 16;
        while (size < sampleRateHz / 10.0) {
            size *= 2;
        }
        return size;
    }

    /** First frame of 100 ms step i: the frame nearest to i * 100 ms, as in the levels meter. */
    private long stepStart(long i) {
        return Math.floorDiv(i * sampleRateHz + STEPS_PER_SECOND / 2, STEPS_PER_SECOND);
    }

    @Override
    public void process(float[][] block, int frames) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        int offset = 0;
        while (offset < frames) {
            int count = Math.min(frames - offset, hop - fill);
            load(block, offset, count);
            offset += count;
            fill += count;
            position += count;
            if (fill == hop) {
                if (position >= n) {
                    transformFrame(position - n, 0, n, position - hop);
                }
                fill = 0;
            }
        }
    }

    /** Copies samples into the hop being filled, as the mid for more than two channels. */
    private void load(float[][] block, int offset, int count) {
        int current = (int) ((position / hop) % BLOCKS);
        if (channels <= 2) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], offset, blocks[c][current], fill, count);
            }
            return;
        }
        float[] h = blocks[0][current];
        double scale = 1.0 / channels;
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += block[c][offset + i];
            }
            h[fill + i] = (float) (sum * scale);
        }
    }

    /**
     * Transforms one frame: window index i in [from, to) holds file sample start + i, the rest is zero.
     *
     * @param centre the file position of the frame's centre, which decides its step in the band-level series
     */
    private void transformFrame(long start, int from, int to, long centre) {
        for (int c = 0; c < blocks.length; c++) {
            double[] a = work[c];
            Arrays.fill(a, 0, from, 0);
            for (int i = from; i < to;) {
                long t = start + i;
                float[] h = blocks[c][(int) ((t / hop) % BLOCKS)];
                int offset = (int) (t % hop);
                int length = Math.min(to - i, hop - offset);
                windowed(h, offset, a, i, length);
                i += length;
            }
            Arrays.fill(a, to, n, 0);
        }
        // Dual mono (a mono part exported as stereo, common among stems): the same input has the same transform.
        boolean sameInput = stereo && Arrays.equals(work[0], work[1]);
        boolean sound = transform(work[0]);
        if (sameInput) {
            System.arraycopy(work[0], 0, work[1], 0, n);
        } else if (stereo) {
            sound |= transform(work[1]);
        }
        Arrays.fill(frameA, 0);
        if (stereo) {
            Arrays.fill(frameB, 0);
            Arrays.fill(frameCross, 0);
        }
        // A silent frame adds nothing to the sums.
        if (sound && stereo) {
            plan.addStereo(work[0], work[1], frameA, frameB, frameCross);
            addLowEndStereo(work[0], work[1]);
            for (int j = 0; j < frameA.length; j++) {
                totalA[j] += frameA[j];
                totalB[j] += frameB[j];
                totalCross[j] += frameCross[j];
            }
        } else if (sound) {
            plan.addMono(work[0], frameA);
            addLowEndMono(work[0]);
            for (int j = 0; j < frameA.length; j++) {
                totalA[j] += frameA[j];
            }
        }
        double energy = cumulativeWindowEnergy[to] - cumulativeWindowEnergy[from];
        windowEnergy += energy;
        while (centre >= nextStepStart) {
            closeStep();
        }
        for (int b = 0; b < stepBand.length; b++) {
            double band = midSum(tonalIntervals[b], frameA, frameB, frameCross);
            stepBand[b] += band;
            lastFrameBand[b] = band;
        }
        stepWindowEnergy += energy;
        lastFrameEnergy = energy;
    }

    /**
     * Transforms a windowed frame in place, unless it is digital silence (stems are often silent for long stretches),
     * whose transform is zero as it stands.
     *
     * @return whether the frame holds any non-zero sample
     */
    private boolean transform(double[] a) {
        for (double v : a) {
            if (v != 0) {
                fft.realForward(a);
                transforms++;
                return true;
            }
        }
        return false;
    }

    /** The number of channel frames transformed so far (silent ones are not; for tests). */
    long transforms() {
        return transforms;
    }

    /** Adds the frame's low-end-weighted powers and cross power; layout of the packed FFTs as in {@link BandPlan}. */
    private void addLowEndStereo(double[] l, double[] r) {
        double[] g = lowEndWeight;
        int bins = g.length;
        if (bins == 0) {
            return;
        }
        int nyquist = n / 2;
        // DC (and Nyquist, when weighted) sit apart in the packed layout and are real.
        double sl = g[0] * l[0] * l[0];
        double sr = g[0] * r[0] * r[0];
        double sc = g[0] * l[0] * r[0];
        int end = Math.min(bins, nyquist);
        for (int k = 1; k < end; k++) {
            double lr = l[2 * k];
            double li = l[2 * k + 1];
            double rr = r[2 * k];
            double ri = r[2 * k + 1];
            double w = g[k];
            sl += w * (lr * lr + li * li);
            sr += w * (rr * rr + ri * ri);
            sc += w * (lr * rr + li * ri);
        }
        if (bins > nyquist) {
            sl += g[nyquist] * l[1] * l[1];
            sr += g[nyquist] * r[1] * r[1];
            sc += g[nyquist] * l[1] * r[1];
        }
        lowLeft += sl;
        lowRight += sr;
        lowCross += sc;
    }

    private void addLowEndMono(double[] a) {
        double[] g = lowEndWeight;
        int bins = g.length;
        if (bins == 0) {
            return;
        }
        int nyquist = n / 2;
        double sum = g[0] * a[0] * a[0];
        int end = Math.min(bins, nyquist);
        for (int k = 1; k < end; k++) {
            double re = a[2 * k];
            double im = a[2 * k + 1];
            sum += g[k] * (re * re + im * im);
        }
        if (bins > nyquist) {
            sum += g[nyquist] * a[1] * a[1];
        }
        lowLeft += sum;
    }

    /** a[to + m] = window[to + m] * h[from + m] for m in [0, length): a plain loop the JIT vectorises. */
    private void windowed(float[] h, int from, double[] a, int to, int length) {
        double[] w = window;
        for (int m = 0; m < length; m++) {
            a[to + m] = w[to + m] * h[from + m];
        }
    }

    /**
     * The mid's power summed over a band's intervals (0 above Nyquist): for stereo |X_M|^2 = |X_L + X_R|^2 / 4 =
     * (|X_L|^2 + |X_R|^2 + 2 Re(X_L conj X_R)) / 4; otherwise the first sums are the mid's.
     */
    private double midSum(int[] band, double[] a, double[] b, double[] cross) {
        if (band == null) {
            return 0;
        }
        double sum = 0;
        for (int j = band[0]; j < band[1]; j++) {
            sum += stereo ? 0.25 * (a[j] + b[j] + 2 * cross[j]) : a[j];
        }
        return sum;
    }

    private static double sum(int[] band, double[] values) {
        double sum = 0;
        for (int j = band[0]; j < band[1]; j++) {
            sum += values[j];
        }
        return sum;
    }

    private void closeStep() {
        for (int b = 0; b < stepBand.length; b++) {
            bandSeries[b].add((float) levelDb(stepBand[b], stepWindowEnergy));
            stepBand[b] = 0;
        }
        stepWindowEnergy = 0;
        step++;
        nextStepStart = stepStart(step + 1);
    }

    /**
     * A band level in dBFS, AES17 style: 10 log10 of the band's mean-square power over that of a full-scale sine
     * (1/2). NaN for no energy or no samples.
     *
     * @param bandSum weighted band sum of |X_k|^2 over frames
     * @param energy the window energy on real samples over the same frames
     */
    private double levelDb(double bandSum, double energy) {
        double meanSquare = bandSum / (n * energy);
        return meanSquare > 0 ? 10 * Math.log10(2 * meanSquare) : Double.NaN;
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        if (position >= n) {
            if (fill > 0) {
                // The regular frames stop short of the end: one more frame, of the last n samples.
                transformFrame(position - n, 0, n, position - hop);
            }
        } else if (position > 0) {
            // Shorter than a frame: the whole file, centred in one zero-padded frame.
            int length = (int) position;
            int from = (n - length) / 2;
            transformFrame(-from, from, from + length, position / 2);
        }
        if (position > 0) {
            long lastStep = stepOf(position - 1);
            while (step < lastStep) {
                closeStep();
            }
            if (stepWindowEnergy == 0) {
                // A last step shorter than a hop may hold no frame centre: it takes the last frame, which overlaps it.
                System.arraycopy(lastFrameBand, 0, stepBand, 0, stepBand.length);
                stepWindowEnergy = lastFrameEnergy;
            }
            closeStep();
        }
        return measurements();
    }

    /** The index of the 100 ms step that holds a file position. */
    private long stepOf(long frame) {
        long i = frame * STEPS_PER_SECOND / sampleRateHz;
        while (stepStart(i + 1) <= frame) {
            i++;
        }
        while (stepStart(i) > frame) {
            i--;
        }
        return i;
    }

    private Map<String, Measurement> measurements() {
        int thirds = thirdOctaveIntervals.length;
        double[] mid = new double[thirds];
        double[] left = new double[thirds];
        double[] right = new double[thirds];
        double[] cross = new double[thirds];
        for (int b = 0; b < thirds; b++) {
            int[] band = thirdOctaveIntervals[b];
            mid[b] = midSum(band, totalA, totalB, totalCross);
            if (stereo && band != null) {
                left[b] = sum(band, totalA);
                right[b] = sum(band, totalB);
                cross[b] = sum(band, totalCross);
            }
        }
        Map<String, Measurement> out = new LinkedHashMap<>();
        out.put(MeasurementIds.THIRD_OCTAVE_SPECTRUM, levels(mid, thirdOctaveIntervals, Bands.THIRD_OCTAVE_NOMINAL_HZ));
        out.put(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT,
                levels(stereo ? left : null, thirdOctaveIntervals, Bands.THIRD_OCTAVE_NOMINAL_HZ));
        out.put(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT,
                levels(stereo ? right : null, thirdOctaveIntervals, Bands.THIRD_OCTAVE_NOMINAL_HZ));
        double[] tonal = new double[tonalIntervals.length];
        for (int b = 0; b < tonal.length; b++) {
            tonal[b] = midSum(tonalIntervals[b], totalA, totalB, totalCross);
        }
        out.put(MeasurementIds.TONAL_BALANCE, levels(tonal, tonalIntervals, Bands.tonalCentresHz()));
        for (int b = 0; b < bandSeries.length; b++) {
            out.put(Bands.seriesId(TonalBands.band(b).id()),
                    new Series(1.0 / STEPS_PER_SECOND, bandSeries[b].toArray(), Units.DBFS));
        }
        // An octave band is the three 1/3-octave bands it holds: IEC 61260 base-10 edges coincide.
        int octaves = Bands.OCTAVE_NOMINAL_HZ.length;
        double[] correlation = new double[octaves];
        double[] loss = new double[octaves];
        for (int b = 0; b < octaves; b++) {
            int first = Bands.FIRST_THIRD_OF_OCTAVE + 3 * b;
            if (stereo && thirdOctaveIntervals[first] != null) {
                double sl = left[first] + left[first + 1] + left[first + 2];
                double sr = right[first] + right[first + 1] + right[first + 2];
                double sc = cross[first] + cross[first + 1] + cross[first + 2];
                correlation[b] = StereoEnergies.correlation(sl, sr, sc);
                loss[b] = StereoEnergies.monoSumLossDb(sl, sr, sc);
            } else {
                correlation[b] = Double.NaN;
                loss[b] = Double.NaN;
            }
        }
        out.put(MeasurementIds.OCTAVE_CORRELATION, new Spectrum(Bands.OCTAVE_NOMINAL_HZ, correlation, Units.RATIO));
        out.put(MeasurementIds.OCTAVE_MONO_SUM_LOSS, new Spectrum(Bands.OCTAVE_NOMINAL_HZ, loss, Units.DB));
        out.put(MeasurementIds.BANDWIDTH, bandwidth());
        lowEnd(out);
        return out;
    }

    /**
     * The audio bandwidth: the upper edge of the highest strip whose kilohertz below (power mean) is at least
     * {@link #BANDWIDTH_CLIFF_DB} denser than every strip from the next but one up, and which itself is at least
     * {@link #BANDWIDTH_EDGE_DB} denser than them (the strip between may hold the filter's slope). With no such cliff,
     * the top of the strips (Nyquist, or 24 kHz). Strips are floored {@link #BANDWIDTH_FLOOR_DB} below the file's
     * mean power density (the rounding noise of a low part); all at the floor: at most {@link #BANDWIDTH_FROM_HZ}.
     * Power of all channels, so a side-only high end counts.
     */
    private Scalar bandwidth() {
        double all = 0;
        for (int j = 0; j < totalA.length; j++) {
            all += totalA[j] + totalB[j];
        }
        if (!Double.isFinite(all)) {
            return Scalar.absent(Units.HZ, MeasurementReasons.NON_FINITE);
        }
        if (all == 0) {
            return Scalar.absent(Units.HZ, MeasurementReasons.SILENT);
        }
        int strips = stripIntervals.length;
        if (strips == 0) {
            return Scalar.of(sampleRateHz / 2.0, Units.HZ);
        }
        double floor = all / (sampleRateHz / 2.0) * Math.pow(10, -BANDWIDTH_FLOOR_DB / 10);
        double[] density = new double[strips];
        boolean any = false;
        for (int i = 0; i < strips; i++) {
            int[] band = stripIntervals[i];
            double power = band == null ? 0 : sum(band, totalA) + (stereo ? sum(band, totalB) : 0);
            density[i] = Math.max(floor, power / stripWidthsHz[i]);
            any |= density[i] > floor;
        }
        if (!any) {
            return Scalar.of(BANDWIDTH_FROM_HZ, Units.HZ);
        }
        double cliff = Math.pow(10, BANDWIDTH_CLIFF_DB / 10);
        double edge = Math.pow(10, BANDWIDTH_EDGE_DB / 10);
        double above = 0;
        for (int i = strips - 3; i >= 0; i--) {
            above = Math.max(above, density[i + 2]);
            double below = 0;
            double width = 0;
            for (int j = Math.max(0, i - BANDWIDTH_STRIPS_BELOW + 1); j <= i; j++) {
                below += density[j] * stripWidthsHz[j];
                width += stripWidthsHz[j];
            }
            if (below / width >= above * cliff && density[i] >= above * edge) {
                return Scalar.of(BANDWIDTH_FROM_HZ + i * BANDWIDTH_STRIP_HZ + stripWidthsHz[i], Units.HZ);
            }
        }
        double top = BANDWIDTH_FROM_HZ + (strips - 1) * BANDWIDTH_STRIP_HZ + stripWidthsHz[strips - 1];
        return Scalar.of(top, Units.HZ);
    }

    /**
     * The low-end values: pan and balance of the weighted powers, side to mid energy (|X_L - X_R|^2 against
     * |X_L + X_R|^2, from the same sums), correlation. A mono file is centred; other channel counts have none.
     */
    private void lowEnd(Map<String, Measurement> out) {
        String reason = null;
        // Every band's power of each channel (or the mid), and the low end: zero only for silence.
        double fullBand = lowLeft + lowRight;
        for (int j = 0; j < totalA.length; j++) {
            fullBand += totalA[j] + totalB[j];
        }
        if (channels > 2) {
            reason = MeasurementReasons.NOT_STEREO;
        } else if (!Double.isFinite(fullBand) || !Double.isFinite(lowCross)) {
            reason = MeasurementReasons.NON_FINITE;
        } else if (fullBand == 0) {
            reason = MeasurementReasons.SILENT;
        } else {
            double low = lowLeft + lowRight;
            double meanSquare = low / ((double) n * windowEnergy * (stereo ? 2 : 1));
            if (!(low > 0) || 10 * Math.log10(2 * meanSquare) < LOW_END_FLOOR_DBFS) {
                reason = MeasurementReasons.NO_LOW_END;
            }
        }
        if (reason != null) {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.absent(Units.PERCENT, reason));
            out.put(MeasurementIds.LOW_END_BALANCE, Scalar.absent(Units.DB, reason));
            out.put(MeasurementIds.LOW_END_CORRELATION, Scalar.absent(Units.RATIO, reason));
            out.put(MeasurementIds.LOW_END_SIDE,
                    Scalar.absent(Units.DB, channels == 1 ? MeasurementReasons.MONO : reason));
        } else if (stereo) {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.of(StereoEnergies.panPercent(lowLeft, lowRight), Units.PERCENT));
            out.put(MeasurementIds.LOW_END_BALANCE, Scalar.of(StereoEnergies.ratioDb(lowLeft, lowRight), Units.DB));
            double r = StereoEnergies.correlation(lowLeft, lowRight, lowCross);
            out.put(MeasurementIds.LOW_END_CORRELATION,
                    Double.isNaN(r)
                            ? Scalar.absent(Units.RATIO, MeasurementReasons.ONE_SIDE_SILENT)
                            : Scalar.of(r, Units.RATIO));
            out.put(MeasurementIds.LOW_END_SIDE,
                    Scalar.of(StereoEnergies.widthDb(lowLeft, lowRight, lowCross), Units.DB));
        } else {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.of(0, Units.PERCENT));
            out.put(MeasurementIds.LOW_END_BALANCE, Scalar.of(0, Units.DB));
            out.put(MeasurementIds.LOW_END_CORRELATION, Scalar.of(1, Units.RATIO));
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, MeasurementReasons.MONO));
        }
    }

    /** Band levels in dBFS from band power sums; NaN above Nyquist, for no energy, or for no sums at all. */
    private Spectrum levels(double[] sums, int[][] bands, double[] frequenciesHz) {
        double[] values = new double[bands.length];
        for (int b = 0; b < values.length; b++) {
            values[b] = sums != null && bands[b] != null ? levelDb(sums[b], windowEnergy) : Double.NaN;
        }
        return new Spectrum(frequenciesHz, values, Units.DBFS);
    }

}
