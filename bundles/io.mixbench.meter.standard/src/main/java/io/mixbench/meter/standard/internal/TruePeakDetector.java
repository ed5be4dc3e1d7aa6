package io.mixbench.meter.standard.internal;

import java.util.Arrays;

/**
 * True peak (BS.1770-5 Annex 2) per channel, per 100 ms step and inter-sample overs, with {@link TruePeakOversampler}.
 * Silence is assumed before the first sample and after the last, so an abrupt start or end shows the overshoot a
 * reconstruction filter would produce there. Works on float input: samples above full scale read above 0 dBTP.
 *
 * <p>
 * The input is cut into segments of {@value #SEGMENT} frames, and a step's segments are decided when the step ends
 * ({@link #takeStepPeak()}). A segment is interpolated only when the oversampler's bound (the segment's sample peak
 * plus a multiple of its largest second difference) exceeds one of the values the segment could change: the step's
 * peak (at least its largest sample), the channel's peak, or full scale (overs are counted). The bound is exact, so
 * skipping never changes a result; it saves the work where the signal is below the step's peak or smooth around it.
 * Neighbouring segments that need interpolation are interpolated together, in runs of up to {@value #MAX_RUN}.
 *
 * <p>
 * The per-segment statistics (largest |x| and largest |second difference|) are computed here from the buffered
 * samples, or, with {@code callerStatistics}, handed in by a caller that already reads every sample in its own loop
 * ({@link #putStatistics}); {@link #flush()} computes the rest itself.
 *
 * <p>
 * A segment belongs to the step during which its last needed input frame arrives, i.e. at most
 * {@code 2 * SEGMENT + 1} frames (1.4 ms at 48 kHz) after its own frames; the points after the file's end belong to
 * the last step.
 */
final class TruePeakDetector {

    /** Frames per segment; at least {@link TruePeakOversampler#REACH_AFTER} and REACH_BEFORE. */
    static final int SEGMENT = 32;
    /** Most segments interpolated in one go. */
    static final int MAX_RUN = 32;
    /** Virtual silent frames before the first sample, so that points before it are interpolated too. */
    private static final int PRE_ROLL = 2 * SEGMENT;
    /** Points above this amplitude (0 dBTP) are overs. */
    private static final float OVER_LEVEL = 1.0f;
    private static final int ABS_MASK = 0x7fff_ffff;
    private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    private static final int MAX_FINITE_BITS = Float.floatToRawIntBits(Float.MAX_VALUE);
    /** Relative headroom of the skip bound for float rounding in the filters (errors are below 1e-5). */
    private static final double ROUNDING_MARGIN = 1e-4;

    private final TruePeakOversampler oversampler;
    private final int channels;
    private final boolean skipping;
    private final int ratio;
    private final float[] half;
    private final float[][] stage2;
    private final double anchorBound;
    private final double curvatureBound;
    private final double stage2AnchorBound;
    private final double stage2CurvatureBound;
    private final int capacity;
    private final int ringMask;
    /** Whether the caller hands in the segment statistics (until {@link #flush()}). */
    private boolean callerStatistics;

    /** Per channel: input frames bufferStart .. bufferStart + filled - 1 (virtual frame numbers). */
    private final float[][] buffers;
    private final long[] bufferStart;
    private final int[] filled;
    /** Next block whose statistics are due. Segment j is complete once block j + 1 has its statistics. */
    private final long[] nextBlock;
    /** First segment not yet decided. */
    private final long[] pending;
    /** Per channel and block (index k & ringMask): largest |x| and largest |second difference|. */
    private final float[][] blockPeak;
    private final float[][] blockCurvature;
    private final float[] channelPeak;
    private final long[] overs;
    private final boolean[] inOver;
    private final float[] lowers;
    private float stepPeak;
    private long segmentsEvaluated;
    private long segmentsSeen;

    private final float[] mids;
    private final float[] left;
    private final float[] right;
    private final float[] z;
    private final float[][] out;
    private final float[] zeros = new float[SEGMENT];

    /**
     * @param sampleRateHz the stream's sample rate, Hz; chooses the oversampling and sizes a step's buffer
     * @param channels the channel count
     * @param skipping whether to skip segments that cannot change a result (false only for tests)
     */
    TruePeakDetector(int sampleRateHz, int channels, boolean skipping) {
        this(sampleRateHz, channels, skipping, false);
    }

    /**
     * @param sampleRateHz the stream's sample rate, Hz; chooses the oversampling and sizes a step's buffer
     * @param channels the channel count
     * @param skipping whether to skip segments that cannot change a result (false only for tests)
     * @param callerStatistics whether the caller computes each segment's statistics ({@link #putStatistics})
     */
    TruePeakDetector(int sampleRateHz, int channels, boolean skipping, boolean callerStatistics) {
        this.callerStatistics = callerStatistics;
        this.oversampler = TruePeakOversampler.forSampleRate(sampleRateHz);
        this.channels = channels;
        this.skipping = skipping;
        this.ratio = oversampler.ratio();
        this.half = oversampler.half();
        this.stage2 = oversampler.stage2();
        this.anchorBound = Math.max(1, oversampler.anchorGain()) + ROUNDING_MARGIN * oversampler.absoluteGain();
        this.curvatureBound = oversampler.curvatureGain() * (1 + ROUNDING_MARGIN);
        this.stage2AnchorBound = oversampler.stage2AnchorGain() + ROUNDING_MARGIN * oversampler.absoluteGain();
        this.stage2CurvatureBound = oversampler.stage2CurvatureGain() * (1 + ROUNDING_MARGIN);
        // A 100 ms step, the segments still waiting for their right-hand context, and the padding of flush().
        int frames = sampleRateHz / 10 + 16 * SEGMENT;
        this.capacity = (frames + SEGMENT - 1) / SEGMENT * SEGMENT;
        this.ringMask = Integer.highestOneBit(capacity / SEGMENT + 8) * 2 - 1;
        buffers = new float[channels][capacity];
        bufferStart = new long[channels];
        filled = new int[channels];
        nextBlock = new long[channels];
        pending = new long[channels];
        blockPeak = new float[channels][ringMask + 1];
        blockCurvature = new float[channels][ringMask + 1];
        channelPeak = new float[channels];
        overs = new long[channels];
        inOver = new boolean[channels];
        lowers = new float[channels];
        for (int c = 0; c < channels; c++) {
            filled[c] = PRE_ROLL;
            // Block 0 is silence (statistics 0); segment 0 lies wholly before any point that can be non-zero.
            nextBlock[c] = 1;
            pending[c] = 1;
        }
        int extra = TruePeakOversampler.STAGE2_HALF_TAPS / 2;
        int run = MAX_RUN * SEGMENT;
        mids = new float[run + 2 * extra];
        z = new float[2 * mids.length];
        left = new float[z.length];
        right = new float[mids.length];
        out = new float[Math.max(0, ratio - 1)][2 * run];
    }

    /**
     * Appends frames of channel c. With caller statistics, append the frames before handing in the statistics of the
     * segments they complete.
     */
    void append(int c, float[] x, int offset, int frames) {
        float[] b = buffers[c];
        while (frames > 0) {
            if (filled[c] == capacity) {
                // Only when steps are longer than 100 ms: decide what is complete with what is known so far.
                float own = segmentPeak(c);
                decide(c, own, own);
                compact(c);
            }
            int n = Math.min(frames, capacity - filled[c]);
            System.arraycopy(x, offset, b, filled[c], n);
            filled[c] += n;
            offset += n;
            frames -= n;
            if (!callerStatistics) {
                advance(c);
            }
        }
    }

    /**
     * The statistics of channel c's next segment, as {@link #blockStatistics} would compute them: over the segment's
     * frames m, the largest bits of |x[m]| and of |(x[m - 1] - 2 x[m]) + x[m + 1]| (float arithmetic), both as
     * {@code Float.floatToRawIntBits(..) & 0x7fffffff}; a NaN second difference counts as 0. Segment k holds file
     * frames {@code 32 k - 64 .. 32 k - 33} (the first two are silence before the file; the first handed in is 1).
     */
    void putStatistics(int c, int peakBits, int curvatureBits) {
        int k = (int) (nextBlock[c] & ringMask);
        blockPeak[c][k] = peakBits > MAX_FINITE_BITS ? Float.NaN : Float.intBitsToFloat(peakBits);
        blockCurvature[c][k] = Float.intBitsToFloat(curvatureBits);
        nextBlock[c]++;
    }

    /** Completes the points that silence after the last frame adds, for every channel. */
    void flush() {
        // The segments the caller has not completed are computed here, from the buffered samples.
        callerStatistics = false;
        for (int c = 0; c < channels; c++) {
            advance(c);
        }
        for (int c = 0; c < channels; c++) {
            long end = bufferStart[c] + filled[c];
            // Points between m and m + 1 depend on x[m - REACH_BEFORE]: the last that can be non-zero is m = end + 25.
            long lastSegment = Math.floorDiv(end - 1 + TruePeakOversampler.REACH_BEFORE, SEGMENT);
            long needed = (lastSegment + 2) * SEGMENT + 1;
            while (bufferStart[c] + filled[c] < needed) {
                int n = (int) Math.min(SEGMENT, needed - bufferStart[c] - filled[c]);
                append(c, zeros, 0, n);
            }
        }
    }

    /**
     * Decides the segments completed since the last call and returns the largest point among them over all channels
     * (linear), then starts the next step.
     */
    float takeStepPeak() {
        float lower = 0f;
        for (int c = 0; c < channels; c++) {
            lowers[c] = segmentPeak(c);
            lower = Math.max(lower, lowers[c]);
        }
        for (int c = 0; c < channels; c++) {
            decide(c, lower, lowers[c]);
            compact(c);
        }
        float peak = stepPeak;
        stepPeak = 0;
        return peak;
    }

    /** max(true peak, sample peak) of channel c (linear; NaN after non-finite input). */
    float channelPeak(int c) {
        return channelPeak[c];
    }

    /** Runs of consecutive oversampled points above 0 dBTP in channel c. */
    long overs(int c) {
        return overs[c];
    }

    /** Share of segments interpolated so far, 0..1 (for benchmarks). */
    double evaluatedShare() {
        return segmentsSeen == 0 ? 0 : (double) segmentsEvaluated / segmentsSeen;
    }

    private void compact(int c) {
        long keepFrom = (pending[c] - 1) * SEGMENT;
        int shift = (int) (keepFrom - bufferStart[c]);
        float[] b = buffers[c];
        System.arraycopy(b, shift, b, 0, filled[c] - shift);
        bufferStart[c] = keepFrom;
        filled[c] -= shift;
    }

    private void advance(int c) {
        long end = bufferStart[c] + filled[c];
        // Block k needs x[kS - 1 .. kS + S].
        while ((nextBlock[c] + 1) * SEGMENT + 1 <= end) {
            blockStatistics(c, nextBlock[c]);
            nextBlock[c]++;
        }
    }

    private void blockStatistics(int c, long k) {
        float[] b = buffers[c];
        int from = (int) (k * SEGMENT - bufferStart[c]);
        // Magnitudes are compared as the bits of |x|: for non-negative floats their order is the integers' order and
        // NaN sorts above infinity. Integer max is a short dependency chain without branches (Math.max on floats
        // chains its NaN handling through every sample; a branch per running maximum mispredicts).
        // Two running maxima each (even and odd frames) halve the dependency chains.
        int peak = 0;
        int peakOdd = 0;
        int curvature = 0;
        int curvatureOdd = 0;
        float previous = b[from - 1];
        float v = b[from];
        for (int i = from + 1, end = from + SEGMENT; i <= end; i += 2) {
            float next = b[i];
            float after = b[i + 1];
            int a = Float.floatToRawIntBits(v) & ABS_MASK;
            int d = Float.floatToRawIntBits(previous - 2 * v + next) & ABS_MASK;
            int aOdd = Float.floatToRawIntBits(next) & ABS_MASK;
            int dOdd = Float.floatToRawIntBits(v - 2 * next + after) & ABS_MASK;
            peak = Math.max(peak, a);
            peakOdd = Math.max(peakOdd, aOdd);
            // A NaN second difference counts for nothing: the peak already carries non-finite input.
            curvature = Math.max(curvature, d > INFINITY_BITS ? 0 : d);
            curvatureOdd = Math.max(curvatureOdd, dOdd > INFINITY_BITS ? 0 : dOdd);
            previous = next;
            v = after;
        }
        peak = Math.max(peak, peakOdd);
        curvature = Math.max(curvature, curvatureOdd);
        blockPeak[c][(int) (k & ringMask)] = peak > MAX_FINITE_BITS ? Float.NaN : Float.intBitsToFloat(peak);
        blockCurvature[c][(int) (k & ringMask)] = Float.intBitsToFloat(curvature);
    }

    /** Largest sample of the complete, undecided segments of channel c: a lower bound of their true peak. */
    private float segmentPeak(int c) {
        float peak = 0f;
        for (long j = pending[c], end = nextBlock[c] - 1; j < end; j++) {
            peak = Math.max(peak, blockPeak[c][(int) (j & ringMask)]);
        }
        return peak;
    }

    /**
     * Interpolates or skips the complete, undecided segments of channel c, in order.
     *
     * @param stepLower a lower bound of the step's peak (its largest sample so far)
     * @param channelLower a lower bound of channel c's peak
     */
    private void decide(int c, float stepLower, float channelLower) {
        float[] b = buffers[c];
        float[] peaks = blockPeak[c];
        float[] curvatures = blockCurvature[c];
        long end = nextBlock[c] - 1;
        long runStart = -1;
        // Both change only when a run is interpolated.
        float threshold = threshold(c, stepLower, channelLower);
        boolean nonFinite = Float.isNaN(channelPeak[c]);
        for (long j = pending[c]; j < end; j++) {
            segmentsSeen++;
            if (nonFinite) {
                // Non-finite input: the channel's result is NaN whatever follows.
                runStart = -1;
                break;
            }
            float peak = Math.max(peaks[(int) (j & ringMask)], Math.abs(b[(int) ((j + 1) * SEGMENT - bufferStart[c])]));
            float curvature = Math.max(curvatures[(int) ((j - 1) & ringMask)],
                    Math.max(curvatures[(int) (j & ringMask)], curvatures[(int) ((j + 1) & ringMask)]));
            double bound = anchorBound * peak + curvatureBound * curvature;
            boolean skip = skipping && bound <= threshold;
            if (skip || (runStart >= 0 && j - runStart == MAX_RUN)) {
                if (runStart >= 0) {
                    interpolate(c, runStart, (int) (j - runStart), stepLower, channelLower);
                    runStart = -1;
                    threshold = threshold(c, stepLower, channelLower);
                    nonFinite = Float.isNaN(channelPeak[c]);
                }
            }
            if (skip) {
                inOver[c] = false;
            } else if (runStart < 0) {
                runStart = j;
            }
        }
        if (runStart >= 0) {
            interpolate(c, runStart, (int) (end - runStart), stepLower, channelLower);
        }
        pending[c] = Math.max(pending[c], end);
    }

    /**
     * Interpolates the points between x[m] and x[m + 1] for the frames m of segments first .. first + count - 1:
     * stage 1 for all of them, then stage 2 only for the segments whose 2x signal's bound still exceeds the threshold
     * (the same test as the segments', on the 2x signal, where curvature is about four times smaller).
     */
    private void interpolate(int c, long firstSegment, int count, float stepLower, float channelLower) {
        segmentsEvaluated += count;
        float[] b = buffers[c];
        int first = (int) (firstSegment * SEGMENT - bufferStart[c]);
        int frames = count * SEGMENT;
        int extra = TruePeakOversampler.STAGE2_HALF_TAPS / 2;
        int mid = frames + 2 * extra;
        // Stage 1: mids[i] is the point half-way between x[m] and x[m + 1], m = first - extra + i. The taps read
        // copies of the input at offset 0: Java 17's C2 does not vectorise loops that read at a loop-invariant offset.
        Arrays.fill(mids, 0, mid, 0f);
        int origin = first - extra - (TruePeakOversampler.HALF_TAPS - 1);
        int taps = 2 * TruePeakOversampler.HALF_TAPS - 1;
        for (int q = 0; q < TruePeakOversampler.HALF_TAPS; q++) {
            float h = half[q];
            System.arraycopy(b, origin + q, left, 0, mid);
            System.arraycopy(b, origin + taps - q, right, 0, mid);
            for (int i = 0; i < mid; i++) {
                mids[i] += h * (left[i] + right[i]);
            }
        }
        for (int i = 0; i < mid; i++) {
            z[2 * i] = b[first - extra + i];
            z[2 * i + 1] = mids[i];
        }
        // Segment s owns the 2x points 2 extra + 2 S s .. + 2 S - 1; a stage 2 point after 2x point u depends on
        // z[u - 5 .. u + 6], its bound on z[u], z[u + 1] and the second differences at u - 4 .. u + 5.
        int groupStart = -1;
        for (int seg = 0; seg <= count; seg++) {
            boolean needed = false;
            if (seg < count) {
                int u0 = 2 * extra + 2 * SEGMENT * seg;
                int u1 = u0 + 2 * SEGMENT;
                float peak = 0f;
                for (int u = u0; u <= u1; u++) {
                    peak = Math.max(peak, Math.abs(z[u]));
                }
                float curvature = 0f;
                for (int u = u0 - TruePeakOversampler.STAGE2_HALF_TAPS + 2; u < u1
                        + TruePeakOversampler.STAGE2_HALF_TAPS
                        - 1; u++) {
                    curvature = Math.max(curvature, Math.abs(z[u - 1] - 2 * z[u] + z[u + 1]));
                }
                double bound = stage2AnchorBound * peak + stage2CurvatureBound * curvature;
                needed = !skipping || !(bound <= threshold(c, stepLower, channelLower)) || Float.isNaN(peak);
            }
            if (needed && groupStart < 0) {
                groupStart = seg;
            } else if (!needed) {
                if (groupStart >= 0) {
                    stage2(c, 2 * extra + 2 * SEGMENT * groupStart, 2 * SEGMENT * (seg - groupStart));
                    groupStart = -1;
                }
                if (seg < count) {
                    inOver[c] = false;
                }
            }
        }
    }

    /** The level below which a point changes nothing: the step's and the channel's peak so far, or full scale. */
    private float threshold(int c, float stepLower, float channelLower) {
        float step = Math.max(stepPeak, stepLower);
        return Math.min(Math.min(step, Math.max(channelPeak[c], channelLower)), OVER_LEVEL);
    }

    /** Stage 2 for the 2x points u0 .. u0 + points - 1, then their peak and overs. */
    private void stage2(int c, int u0, int points) {
        // out[k - 1][i] lies k / r of the way from z[u0 + i] to the next 2x sample.
        int zOrigin = u0 - (TruePeakOversampler.STAGE2_HALF_TAPS - 1);
        for (int k = 0; k < ratio - 1; k++) {
            Arrays.fill(out[k], 0, points, 0f);
        }
        for (int t = 0; t < 2 * TruePeakOversampler.STAGE2_HALF_TAPS; t++) {
            System.arraycopy(z, zOrigin + t, left, 0, points);
            for (int k = 0; k < ratio - 1; k++) {
                float coefficient = stage2[k][t];
                float[] o = out[k];
                for (int i = 0; i < points; i++) {
                    o[i] += coefficient * left[i];
                }
            }
        }
        float peak = 0f;
        for (int i = u0, end = u0 + points; i < end; i++) {
            peak = Math.max(peak, Math.abs(z[i]));
        }
        for (int k = 0; k < ratio - 1; k++) {
            float[] o = out[k];
            for (int i = 0; i < points; i++) {
                peak = Math.max(peak, Math.abs(o[i]));
            }
        }
        if (Float.isNaN(peak)) {
            channelPeak[c] = Float.NaN;
            return;
        }
        channelPeak[c] = Math.max(channelPeak[c], peak);
        stepPeak = Math.max(stepPeak, peak);
        if (peak > OVER_LEVEL) {
            countOvers(c, u0, points);
        } else {
            inOver[c] = false;
        }
    }

    /** Counts runs above full scale in time order: x[m], the points up to the mid, the mid, the points after it. */
    private void countOvers(int c, int zFirst, int points) {
        boolean over = inOver[c];
        long runs = overs[c];
        for (int t = 0; t < points; t++) {
            if (Math.abs(z[zFirst + t]) > OVER_LEVEL) {
                runs += over ? 0 : 1;
                over = true;
            } else {
                over = false;
            }
            for (int k = 0; k < ratio - 1; k++) {
                if (Math.abs(out[k][t]) > OVER_LEVEL) {
                    runs += over ? 0 : 1;
                    over = true;
                } else {
                    over = false;
                }
            }
        }
        inOver[c] = over;
        overs[c] = runs;
    }
}
