package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.HitPeaks;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Meter;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.SongSections;
import io.mixbench.meter.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample peak, true peak, AES17 RMS (overall and 300 ms maximum), crest factor, DC offset, clipped runs, overs,
 * BS.1770-5 loudness (integrated, max momentary, max short-term), EBU Tech 3342 loudness range, PLR, median PSR,
 * the 100 ms series and activity, in one streaming pass.
 *
 * <p>
 * Time is cut into 10 ms sub-blocks whose boundaries fall on the nearest sample to {@code k * 10 ms}. Each
 * sub-block keeps its channel-weighted sum of squared K-weighted samples; the momentary (400 ms = 40 sub-blocks)
 * and short-term (3 s = 300 sub-blocks) windows are evaluated at every sub-block end, so max momentary and max
 * short-term are taken on a 10 ms grid. Windows that reach before the start count the missing samples as silence.
 * Every tenth sub-block ends a 100 ms step; the step's momentary window is also a BS.1770 gating block when it lies
 * entirely inside the file.
 */
public final class LevelsMeter implements Meter {

    private static final int SUB_BLOCKS_PER_SECOND = 100;
    private static final int SUB_BLOCKS_PER_STEP = 10;
    private static final int MOMENTARY_SUB_BLOCKS = 40;
    private static final int SHORT_TERM_SUB_BLOCKS = 300;
    /** Steps per gating block minus one: a step's window is a full block from this step index on. */
    private static final int FIRST_GATING_STEP = MOMENTARY_SUB_BLOCKS / SUB_BLOCKS_PER_STEP - 1;
    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;
    private static final double ACTIVITY_RANGE_LU = 35;
    private static final int RMS_WINDOW_SUB_BLOCKS = 30;
    /** Loudness range: relative gate below the power mean of the absolute-gated short-term values, LU. */
    private static final double LRA_RELATIVE_GATE_LU = -20;
    private static final double LRA_LOW_PERCENTILE = 10;
    private static final double LRA_HIGH_PERCENTILE = 95;
    /** Complete short-term values needed for a loudness range: 3 s of them at 10 per second. */
    private static final int LRA_MIN_VALUES = 30;
    /** Tech 3341: the loudness range is not stable during the first 60 s. */
    private static final double LRA_STABLE_SECONDS = 60;
    /** Runs of at least this many full-scale samples are clipping. */
    private static final int CLIP_RUN = 3;
    /**
     * Mask of a float's magnitude bits. Peaks are kept as the bits of |x|: their integer order is the floats' order
     * (NaN above infinity), and an integer max is cheaper in the hot loops than Math.max on floats.
     */
    private static final int ABS_MASK = 0x7fff_ffff;
    private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    private static final int SEGMENT = TruePeakDetector.SEGMENT;
    /** The middle coefficient of the high-pass numerator; multiplied (not added twice) to balance the FP ports. */
    private static final double MINUS_TWO = -2;
    /** Filter states below this are flushed to zero so decaying tails never become (slow) subnormals. */
    private static final double DENORMAL_FLOOR = 1e-25;

    private final int sampleRateHz;
    private final int channels;
    private final List<String> channelNames;
    private final double[] weights;
    private final boolean anyWeight;

    private final double s1b0;
    private final double s1b1;
    private final double s1b2;
    private final double s1a1;
    private final double s1a2;
    /** Stage 2's numerator is exactly [1, -2, 1]: its products by 1 are left out, which changes no bit. */
    private final double s2a1;
    private final double s2a2;
    /** Transposed direct form II states per channel: stage 1 (z1, z2), stage 2 (z1, z2). */
    private final double[] shelfZ1;
    private final double[] shelfZ2;
    private final double[] highPassZ1;
    private final double[] highPassZ2;

    private final float[] channelPeak;
    /** Sum of squared K-weighted samples per channel in the current sub-block. */
    private final double[] subBlockK;
    /** Sum of squared samples per channel in the current sub-block and in the current step. */
    private final double[] subBlockSquares;
    private final double[] stepSquares;
    private float stepPeak;
    /** Sum of samples per channel (DC offset). */
    private final double[] sums;

    /** Samples at or above this magnitude (and at most full scale) are at full scale: 1 LSB below the top code. */
    private final float clipLevel;
    private final int[] clipRun;
    private final boolean[] clipPositive;
    private final long[] clippedRuns;
    private final long[] overFullScale;

    private final TruePeakDetector truePeak;
    private final GrowableArray stepTruePeaks;
    /**
     * The true-peak segment statistics, computed in the filter loops (which read every sample anyway) and handed to
     * the detector: per channel the samples x[f - 1] and x[f - 2] before the next frame f, and the running largest
     * |x| and |second difference| bits of the segment of frame f - 1.
     */
    private final float[] previous1;
    private final float[] previous2;
    private final int[] segmentPeak;
    private final int[] segmentCurvature;
    /** Per channel, whether the chunk being processed is silent ({@link #isSilent}). */
    private final boolean[] silent;

    /** Sums of squares (all channels) of the last 30 sub-blocks, for the 300 ms RMS maximum. */
    private final WindowSums rmsWindows = new WindowSums(RMS_WINDOW_SUB_BLOCKS, SUB_BLOCKS_PER_STEP);
    private double maxRmsMeanSquare;

    /** Channel-weighted K sums of the last 300 sub-blocks. */
    private final WindowSums kWindows = new WindowSums(SHORT_TERM_SUB_BLOCKS, SUB_BLOCKS_PER_STEP);
    /** Sub-blocks closed so far; the next one ends at boundary(closedSubBlocks + 1). */
    private long closedSubBlocks;
    private long position;
    private long silentFrames;
    private long nextBoundary;
    private double momentaryPower;
    private double shortTermPower;
    private double maxMomentaryPower;
    private double maxShortTermPower;

    private final GrowableArray stepMomentary;
    private final GrowableArray stepShortTerm;
    private final GrowableArray stepSumSquares;
    private final GrowableArray stepPeaks;
    private boolean finished;

    /** A meter for a 24-bit integer PCM stream (tests and benchmarks). */
    public LevelsMeter(int sampleRateHz, ChannelLayout layout, long declaredFrames) {
        this(sampleRateHz, layout, declaredFrames, 24, SampleEncoding.PCM_INTEGER);
    }

    /** A meter for a file of this format. */
    public LevelsMeter(AudioFormat format) {
        this(format.sampleRateHz(), format.layout(), format.frames(), format.bitsPerSample(), format.encoding());
    }

    /**
     * @param sampleRateHz the file's sample rate, Hz; filters are designed for it
     * @param layout the channels; weights from {@link Channel#loudnessWeight()}
     * @param declaredFrames the header's frame count, or -1; only sizes buffers
     * @param bitsPerSample the stored bit depth; sets the clipping level of integer PCM
     * @param encoding how samples are stored; float and lossy sources clip at exactly full scale (24-bit LSB)
     */
    public LevelsMeter(int sampleRateHz, ChannelLayout layout, long declaredFrames, int bitsPerSample,
            SampleEncoding encoding) {
        if (sampleRateHz < AudioFormat.MIN_SAMPLE_RATE_HZ) {
            // The built-in decoders refuse such files; a plug-in decoder's would fail later with a misleading error.
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz is below the "
                    + AudioFormat.MIN_SAMPLE_RATE_HZ + " Hz that BS.1770's K-weighting (a shelf at 1.68 kHz) needs");
        }
        this.sampleRateHz = sampleRateHz;
        this.channels = layout.size();
        this.weights = new double[channels];
        List<String> names = new ArrayList<>(channels);
        boolean weighted = false;
        for (int c = 0; c < channels; c++) {
            Channel channel = layout.channels().get(c);
            weights[c] = channel.loudnessWeight();
            weighted |= weights[c] > 0;
            names.add(channel.name());
        }
        this.anyWeight = weighted;
        this.channelNames = List.copyOf(names);
        Biquad shelf = KWeighting.shelf(sampleRateHz);
        Biquad highPass = KWeighting.highPass(sampleRateHz);
        s1b0 = shelf.b0();
        s1b1 = shelf.b1();
        s1b2 = shelf.b2();
        s1a1 = shelf.a1();
        s1a2 = shelf.a2();
        if (highPass.b0() != 1 || highPass.b1() != -2 || highPass.b2() != 1) {
            throw new IllegalStateException("the K-weighting high-pass numerator must be [1, -2, 1]: " + highPass);
        }
        s2a1 = highPass.a1();
        s2a2 = highPass.a2();
        shelfZ1 = new double[channels];
        shelfZ2 = new double[channels];
        highPassZ1 = new double[channels];
        highPassZ2 = new double[channels];
        channelPeak = new float[channels];
        subBlockK = new double[channels];
        subBlockSquares = new double[channels];
        stepSquares = new double[channels];
        sums = new double[channels];
        int lsbBits = encoding == SampleEncoding.PCM_INTEGER && bitsPerSample > 0 ? Math.min(bitsPerSample, 32) : 24;
        clipLevel = (float) (1 - 2 * Math.scalb(1.0, -(lsbBits - 1)));
        clipRun = new int[channels];
        clipPositive = new boolean[channels];
        clippedRuns = new long[channels];
        overFullScale = new long[channels];
        truePeak = new TruePeakDetector(sampleRateHz, channels, true, true);
        previous1 = new float[channels];
        previous2 = new float[channels];
        segmentPeak = new int[channels];
        segmentCurvature = new int[channels];
        silent = new boolean[channels];
        int capacity = GrowableArray.stepCapacity(declaredFrames, sampleRateHz);
        stepTruePeaks = new GrowableArray(capacity);
        stepMomentary = new GrowableArray(capacity);
        stepShortTerm = new GrowableArray(capacity);
        stepSumSquares = new GrowableArray(capacity);
        stepPeaks = new GrowableArray(capacity);
        nextBoundary = boundary(1);
    }

    /** The true-peak detector (tests). */
    TruePeakDetector truePeakDetector() {
        return truePeak;
    }

    /** First frame of sub-block k, i.e. the frame nearest to k * 10 ms (negative k: before the start). */
    private long boundary(long k) {
        return Math.floorDiv(k * sampleRateHz + SUB_BLOCKS_PER_SECOND / 2, SUB_BLOCKS_PER_SECOND);
    }

    @Override
    public void process(float[][] block, int frames) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        int offset = 0;
        while (offset < frames) {
            int n = (int) Math.min(frames - offset, nextBoundary - position);
            if (n > 0) {
                // The detector buffers the frames before the loops hand in the statistics of the segments they end.
                for (int c = 0; c < channels; c++) {
                    truePeak.append(c, block[c], offset, n);
                }
                boolean anySilent = false;
                for (int c = 0; c < channels; c++) {
                    silent[c] = isSilent(c, block[c], offset, n);
                    anySilent |= silent[c];
                }
                if (channels == 2 && !anySilent) {
                    processPair(block[0], block[1], offset, n);
                } else {
                    for (int c = 0; c < channels; c++) {
                        if (silent[c]) {
                            passSilence(c, block[c], offset, n);
                        } else {
                            processChannel(c, block[c], offset, n);
                        }
                    }
                }
                position += n;
                offset += n;
            }
            if (position == nextBoundary) {
                closeSubBlock();
            }
        }
    }

    /**
     * Whether channel c's chunk is digital silence ({@link Silence}) reaching filters at rest and after two zero
     * samples: then nothing it would add to a sum or a maximum is non-zero.
     */
    private boolean isSilent(int c, float[] x, int offset, int n) {
        if (shelfZ1[c] != 0 || shelfZ2[c] != 0 || highPassZ1[c] != 0 || highPassZ2[c] != 0
                || Float.floatToRawIntBits(previous1[c]) != 0 || Float.floatToRawIntBits(previous2[c]) != 0) {
            return false;
        }
        return Silence.isSilent(x, offset, n);
    }

    /** What {@link #processChannel} does with a silent chunk ({@link #isSilent}): it hands on segment statistics. */
    private void passSilence(int c, float[] x, int offset, int n) {
        // Frames f = 0 mod 32 complete the segment of frame f - 1; the first completed keeps the earlier frames' values.
        long completed = Math.floorDiv(position + n - 1, SEGMENT) - Math.floorDiv(position - 1, SEGMENT);
        for (long k = 0; k < completed; k++) {
            truePeak.putStatistics(c, segmentPeak[c], segmentCurvature[c]);
            segmentPeak[c] = 0;
            segmentCurvature[c] = 0;
        }
        silentFrames += n;
        endChunk(c, x, offset, n, 0f);
    }

    /** Channel frames passed as silence so far (for tests). */
    long silentFrames() {
        return silentFrames;
    }

    private void processChannel(int c, float[] x, int offset, int n) {
        final double b10 = s1b0;
        final double b11 = s1b1;
        final double b12 = s1b2;
        final double a11 = s1a1;
        final double a12 = s1a2;
        final double a21 = s2a1;
        final double a22 = s2a2;
        double z11 = shelfZ1[c];
        double z12 = shelfZ2[c];
        double z21 = highPassZ1[c];
        double z22 = highPassZ2[c];
        // Sums continue from the fields so that the order of additions, and so every bit of the result, does not
        // depend on how the caller cuts the stream into blocks.
        int peak = 0;
        double squares = subBlockSquares[c];
        double kSquares = subBlockK[c];
        double sum = sums[c];
        float p1 = previous1[c];
        float p2 = previous2[c];
        int segPeak = segmentPeak[c];
        int segCurvature = segmentCurvature[c];
        long frame = position;
        for (int i = offset, end = offset + n; i < end;) {
            // A piece ends with the frame f = 0 mod 32, which completes the segment of frame f - 1.
            int stop = Math.min(end, i + (int) (-frame & (SEGMENT - 1)) + 1);
            frame += stop - i;
            for (; i < stop; i++) {
                float v = x[i];
                peak = Math.max(peak, Float.floatToRawIntBits(v) & ABS_MASK);
                // True-peak statistics of frame f - 1, in the float arithmetic of TruePeakDetector.blockStatistics.
                segPeak = Math.max(segPeak, Float.floatToRawIntBits(p1) & ABS_MASK);
                int curvature = Float.floatToRawIntBits((p2 - 2 * p1) + v) & ABS_MASK;
                segCurvature = Math.max(segCurvature, curvature > INFINITY_BITS ? 0 : curvature);
                p2 = p1;
                p1 = v;
                double d = v;
                sum += d;
                squares += d * d;
                // Additions ordered so that only "mul, sub, add" lies on each recursion's critical path.
                double y1 = b10 * d + z11;
                z11 = (b11 * d + z12) - a11 * y1;
                z12 = b12 * d - a12 * y1;
                double y2 = y1 + z21;
                z21 = (MINUS_TWO * y1 + z22) - a21 * y2;
                z22 = y1 - a22 * y2;
                kSquares += y2 * y2;
            }
            if (((frame - 1) & (SEGMENT - 1)) == 0) {
                truePeak.putStatistics(c, segPeak, segCurvature);
                segPeak = 0;
                segCurvature = 0;
            }
        }
        previous1[c] = p1;
        previous2[c] = p2;
        segmentPeak[c] = segPeak;
        segmentCurvature[c] = segCurvature;
        shelfZ1[c] = z11;
        shelfZ2[c] = z12;
        highPassZ1[c] = z21;
        highPassZ2[c] = z22;
        endChunk(c, x, offset, n, Float.intBitsToFloat(peak));
        subBlockSquares[c] = squares;
        subBlockK[c] = kSquares;
        sums[c] = sum;
    }

    /**
     * {@link #processChannel} for two channels at once: each channel's filter recursion is bound by its latency, so
     * running two side by side nearly halves the time. Every sum sees the same additions in the same order.
     */
    private void processPair(float[] x, float[] w, int offset, int n) {
        final double b10 = s1b0;
        final double b11 = s1b1;
        final double b12 = s1b2;
        final double a11 = s1a1;
        final double a12 = s1a2;
        final double a21 = s2a1;
        final double a22 = s2a2;
        double z11 = shelfZ1[0];
        double z12 = shelfZ2[0];
        double z21 = highPassZ1[0];
        double z22 = highPassZ2[0];
        double u11 = shelfZ1[1];
        double u12 = shelfZ2[1];
        double u21 = highPassZ1[1];
        double u22 = highPassZ2[1];
        int peak = 0;
        double squares = subBlockSquares[0];
        double kSquares = subBlockK[0];
        double sum = sums[0];
        int peakW = 0;
        double squaresW = subBlockSquares[1];
        double kSquaresW = subBlockK[1];
        double sumW = sums[1];
        float p1 = previous1[0];
        float p2 = previous2[0];
        int segPeak = segmentPeak[0];
        int segCurvature = segmentCurvature[0];
        float p1w = previous1[1];
        float p2w = previous2[1];
        int segPeakW = segmentPeak[1];
        int segCurvatureW = segmentCurvature[1];
        long frame = position;
        for (int i = offset, end = offset + n; i < end;) {
            int stop = Math.min(end, i + (int) (-frame & (SEGMENT - 1)) + 1);
            frame += stop - i;
            for (; i < stop; i++) {
                float v = x[i];
                float vw = w[i];
                peak = Math.max(peak, Float.floatToRawIntBits(v) & ABS_MASK);
                peakW = Math.max(peakW, Float.floatToRawIntBits(vw) & ABS_MASK);
                segPeak = Math.max(segPeak, Float.floatToRawIntBits(p1) & ABS_MASK);
                segPeakW = Math.max(segPeakW, Float.floatToRawIntBits(p1w) & ABS_MASK);
                int curvature = Float.floatToRawIntBits((p2 - 2 * p1) + v) & ABS_MASK;
                int curvatureW = Float.floatToRawIntBits((p2w - 2 * p1w) + vw) & ABS_MASK;
                segCurvature = Math.max(segCurvature, curvature > INFINITY_BITS ? 0 : curvature);
                segCurvatureW = Math.max(segCurvatureW, curvatureW > INFINITY_BITS ? 0 : curvatureW);
                p2 = p1;
                p1 = v;
                p2w = p1w;
                p1w = vw;
                double d = v;
                double e = vw;
                sum += d;
                sumW += e;
                squares += d * d;
                squaresW += e * e;
                double y1 = b10 * d + z11;
                double v1 = b10 * e + u11;
                z11 = (b11 * d + z12) - a11 * y1;
                u11 = (b11 * e + u12) - a11 * v1;
                z12 = b12 * d - a12 * y1;
                u12 = b12 * e - a12 * v1;
                double y2 = y1 + z21;
                double v2 = v1 + u21;
                z21 = (MINUS_TWO * y1 + z22) - a21 * y2;
                u21 = (MINUS_TWO * v1 + u22) - a21 * v2;
                z22 = y1 - a22 * y2;
                u22 = v1 - a22 * v2;
                kSquares += y2 * y2;
                kSquaresW += v2 * v2;
            }
            if (((frame - 1) & (SEGMENT - 1)) == 0) {
                truePeak.putStatistics(0, segPeak, segCurvature);
                truePeak.putStatistics(1, segPeakW, segCurvatureW);
                segPeak = 0;
                segCurvature = 0;
                segPeakW = 0;
                segCurvatureW = 0;
            }
        }
        previous1[0] = p1;
        previous2[0] = p2;
        segmentPeak[0] = segPeak;
        segmentCurvature[0] = segCurvature;
        previous1[1] = p1w;
        previous2[1] = p2w;
        segmentPeak[1] = segPeakW;
        segmentCurvature[1] = segCurvatureW;
        shelfZ1[0] = z11;
        shelfZ2[0] = z12;
        highPassZ1[0] = z21;
        highPassZ2[0] = z22;
        shelfZ1[1] = u11;
        shelfZ2[1] = u12;
        highPassZ1[1] = u21;
        highPassZ2[1] = u22;
        subBlockSquares[0] = squares;
        subBlockK[0] = kSquares;
        sums[0] = sum;
        subBlockSquares[1] = squaresW;
        subBlockK[1] = kSquaresW;
        sums[1] = sumW;
        endChunk(0, x, offset, n, Float.intBitsToFloat(peak));
        endChunk(1, w, offset, n, Float.intBitsToFloat(peakW));
    }

    /** Peaks, and the clipping scan when a chunk reaches full scale (rare: other chunks need no second look). */
    private void endChunk(int c, float[] x, int offset, int n, float peak) {
        channelPeak[c] = Math.max(channelPeak[c], peak);
        stepPeak = Math.max(stepPeak, peak);
        if (peak >= clipLevel) {
            scanFullScale(c, x, offset, n);
        } else {
            clipRun[c] = 0;
        }
    }

    /** Counts runs of same-sign full-scale samples (counted once when they reach 3) and samples above full scale. */
    private void scanFullScale(int c, float[] x, int offset, int n) {
        int run = clipRun[c];
        boolean positive = clipPositive[c];
        long runs = clippedRuns[c];
        long over = overFullScale[c];
        for (int i = offset, end = offset + n; i < end; i++) {
            float v = x[i];
            float a = Math.abs(v);
            if (a > 1f) {
                over++;
                run = 0;
            } else if (a >= clipLevel) {
                boolean p = v > 0;
                run = run > 0 && p == positive ? run + 1 : 1;
                positive = p;
                if (run == CLIP_RUN) {
                    runs++;
                }
            } else {
                run = 0;
            }
        }
        clipRun[c] = run;
        clipPositive[c] = positive;
        clippedRuns[c] = runs;
        overFullScale[c] = over;
    }

    private void closeSubBlock() {
        double weighted = 0;
        double squares = 0;
        for (int c = 0; c < channels; c++) {
            weighted += weights[c] * subBlockK[c];
            subBlockK[c] = 0;
            squares += subBlockSquares[c];
            stepSquares[c] += subBlockSquares[c];
            subBlockSquares[c] = 0;
            shelfZ1[c] = flush(shelfZ1[c]);
            shelfZ2[c] = flush(shelfZ2[c]);
            highPassZ1[c] = flush(highPassZ1[c]);
            highPassZ2[c] = flush(highPassZ2[c]);
        }
        kWindows.add(weighted);
        rmsWindows.add(squares);
        closedSubBlocks++;
        evaluateWindows();
        evaluateRmsWindow();
        nextBoundary = boundary(closedSubBlocks + 1);
        if (closedSubBlocks % SUB_BLOCKS_PER_STEP == 0) {
            closeStep();
        }
    }

    private static double flush(double state) {
        return Math.abs(state) < DENORMAL_FLOOR ? 0 : state;
    }

    /** Momentary and short-term power of the windows ending with the last closed sub-block. */
    private void evaluateWindows() {
        long k = closedSubBlocks;
        double momentarySum = kWindows.sum(MOMENTARY_SUB_BLOCKS);
        double sum = kWindows.sum(SHORT_TERM_SUB_BLOCKS);
        // The divisor is always the full window length: samples before the start count as silence.
        momentaryPower = momentarySum / (boundary(k) - boundary(k - MOMENTARY_SUB_BLOCKS));
        shortTermPower = sum / (boundary(k) - boundary(k - SHORT_TERM_SUB_BLOCKS));
        maxMomentaryPower = Math.max(maxMomentaryPower, momentaryPower);
        maxShortTermPower = Math.max(maxShortTermPower, shortTermPower);
    }

    /** AES17 RMS of the 300 ms ending with the last closed sub-block; only windows that lie inside the file. */
    private void evaluateRmsWindow() {
        long k = closedSubBlocks;
        if (k < RMS_WINDOW_SUB_BLOCKS) {
            return;
        }
        double sum = rmsWindows.sum(RMS_WINDOW_SUB_BLOCKS);
        long frames = Math.min(boundary(k), position) - boundary(k - RMS_WINDOW_SUB_BLOCKS);
        maxRmsMeanSquare = Math.max(maxRmsMeanSquare, sum / ((double) frames * channels));
    }

    private void closeStep() {
        double squares = 0;
        for (int c = 0; c < channels; c++) {
            squares += stepSquares[c];
            stepSquares[c] = 0;
        }
        stepMomentary.add(momentaryPower);
        stepShortTerm.add(shortTermPower);
        stepSumSquares.add(squares);
        stepPeaks.add(stepPeak);
        stepPeak = 0;
        stepTruePeaks.add(truePeak.takeStepPeak());
    }

    private long stepStart(int step) {
        return boundary((long) step * SUB_BLOCKS_PER_STEP);
    }

    private long stepFrames(int step) {
        return Math.min(position, stepStart(step + 1)) - stepStart(step);
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        // The points that silence after the end completes belong to the last step.
        truePeak.flush();
        if (position <= stepStart(stepMomentary.size()) && stepTruePeaks.size() > 0) {
            int last = stepTruePeaks.size() - 1;
            stepTruePeaks.set(last, Math.max(stepTruePeaks.get(last), truePeak.takeStepPeak()));
        }
        if (position > boundary(closedSubBlocks)) {
            // A final partial 10 ms sub-block: its windows end at the file's end. Dividing by the full window length
            // makes them read the missing rest of the sub-block as silence, so they never overstate.
            closeSubBlock();
        }
        if (position > stepStart(stepMomentary.size())) {
            closeStep();
        }
        return measurements();
    }

    private Map<String, Measurement> measurements() {
        Map<String, Measurement> out = new LinkedHashMap<>();
        int steps = stepMomentary.size();
        double peak = 0;
        double[] peaksDb = new double[channels];
        for (int c = 0; c < channels; c++) {
            peak = Math.max(peak, channelPeak[c]);
            peaksDb[c] = Db.amplitude(channelPeak[c]);
        }
        double squares = 0;
        for (int i = 0; i < steps; i++) {
            squares += stepSumSquares.get(i);
        }
        String reason = null;
        if (!Double.isFinite(peak) || !Double.isFinite(squares)) {
            reason = MeasurementReasons.NON_FINITE;
            Arrays.fill(peaksDb, Double.NaN);
        } else if (peak == 0) {
            reason = MeasurementReasons.SILENT;
        }
        double meanSquare = position == 0 ? 0 : squares / ((double) position * channels);

        out.put(MeasurementIds.SAMPLE_PEAK, level(Db.amplitude(peak), Units.DBFS, reason));
        out.put(MeasurementIds.SAMPLE_PEAK_PER_CHANNEL, new PerChannel(channelNames, peaksDb, Units.DBFS));
        out.put(MeasurementIds.RMS, level(Db.aes17(meanSquare), Units.DBFS, reason));
        out.put(MeasurementIds.CREST_FACTOR,
                level(Db.amplitude(peak) - Db.power(meanSquare), Units.DB, reason));
        double truePeakDb = truePeaks(out, reason);
        out.put(MeasurementIds.RMS_MAX_300MS, position < boundary(RMS_WINDOW_SUB_BLOCKS) && reason == null
                ? Scalar.absent(Units.DBFS, MeasurementReasons.SHORTER_THAN_RMS_WINDOW)
                : level(Db.aes17(maxRmsMeanSquare), Units.DBFS, reason));
        health(out, reason);

        String loudnessReason = reason != null ? reason : anyWeight ? null : MeasurementReasons.NO_WEIGHTED_CHANNELS;
        Scalar integrated = integrated(loudnessReason);
        out.put(MeasurementIds.INTEGRATED_LOUDNESS, integrated);
        out.put(MeasurementIds.MOMENTARY_MAX, level(Db.loudness(maxMomentaryPower), Units.LUFS, loudnessReason));
        out.put(MeasurementIds.SHORT_TERM_MAX, level(Db.loudness(maxShortTermPower), Units.LUFS, loudnessReason));
        loudnessRange(out, loudnessReason);
        if (!integrated.present()) {
            out.put(MeasurementIds.PLR, Scalar.absent(Units.LU, integrated.reason()));
        } else if (Double.isNaN(truePeakDb)) {
            out.put(MeasurementIds.PLR, Scalar.absent(Units.LU, reason != null ? reason : MeasurementReasons.SILENT));
        } else {
            out.put(MeasurementIds.PLR, Scalar.of(truePeakDb - integrated.value(), Units.LU));
        }
        out.put(MeasurementIds.PSR_MEDIAN, psrMedian(loudnessReason));

        boolean valid = reason == null;
        float[] momentary = new float[steps];
        float[] shortTerm = new float[steps];
        float[] peaks = new float[steps];
        float[] rms = new float[steps];
        for (int i = 0; i < steps; i++) {
            boolean loud = valid && anyWeight;
            momentary[i] = loud ? (float) Db.loudness(stepMomentary.get(i)) : Float.NaN;
            shortTerm[i] = loud ? (float) Db.loudness(stepShortTerm.get(i)) : Float.NaN;
            peaks[i] = valid ? (float) Db.amplitude(stepPeaks.get(i)) : Float.NaN;
            long frames = stepFrames(i);
            rms[i] = valid && frames > 0
                    ? (float) Db.aes17(stepSumSquares.get(i) / ((double) frames * channels))
                    : Float.NaN;
        }
        out.put(MeasurementIds.MOMENTARY_SERIES, new Series(0.1, momentary, Units.LUFS));
        out.put(MeasurementIds.SHORT_TERM_SERIES, new Series(0.1, shortTerm, Units.LUFS));
        out.put(MeasurementIds.PEAK_SERIES, new Series(0.1, peaks, Units.DBFS));
        out.put(MeasurementIds.RMS_SERIES, new Series(0.1, rms, Units.DBFS));
        activity(out, loudnessReason);
        out.put(MeasurementIds.HIT_PEAK_SERIES, HitPeaks.of((Series) out.get(MeasurementIds.PEAK_SERIES),
                (Series) out.get(MeasurementIds.ACTIVITY)));
        double[] shortTermLufs = new double[steps];
        for (int i = 0; i < steps; i++) {
            shortTermLufs[i] = shortTerm[i];
        }
        out.put(MeasurementIds.SECTION_LOUDNESS_SERIES, SongSections.asSeries(SongSections.detect(shortTermLufs, 0.1,
                SongSections.DEFAULT_MIN_SECONDS, SongSections.DEFAULT_MIN_CHANGE_LU), steps, 0.1));
        return out;
    }

    /** True peak overall and per channel, and inter-sample overs; returns the overall true peak in dBTP or NaN. */
    private double truePeaks(Map<String, Measurement> out, String reason) {
        double[] perChannel = new double[channels];
        double overall = 0;
        long overs = 0;
        for (int c = 0; c < channels; c++) {
            double p = Math.max(truePeak.channelPeak(c), channelPeak[c]);
            perChannel[c] = reason == null ? Db.amplitude(p) : Double.NaN;
            overall = Math.max(overall, p);
            overs += truePeak.overs(c);
        }
        Scalar tp = level(Db.amplitude(overall), Units.DBTP, reason);
        out.put(MeasurementIds.TRUE_PEAK, tp);
        out.put(MeasurementIds.TRUE_PEAK_PER_CHANNEL, new PerChannel(channelNames, perChannel, Units.DBTP));
        out.put(MeasurementIds.INTER_SAMPLE_OVERS, count(overs, reason));
        return tp.value();
    }

    /** DC offset, clipped runs and samples above full scale. */
    private void health(Map<String, Measurement> out, String reason) {
        boolean broken = MeasurementReasons.NON_FINITE.equals(reason);
        double[] dc = new double[channels];
        double overall = 0;
        long runs = 0;
        long over = 0;
        for (int c = 0; c < channels; c++) {
            dc[c] = position == 0 || broken ? Double.NaN : 100 * sums[c] / position;
            if (Math.abs(dc[c]) > Math.abs(overall)) {
                overall = dc[c];
            }
            runs += clippedRuns[c];
            over += overFullScale[c];
        }
        if (position == 0 || broken) {
            out.put(MeasurementIds.DC_OFFSET, Scalar.absent(Units.PERCENT, reason));
        } else {
            out.put(MeasurementIds.DC_OFFSET, Scalar.of(overall, Units.PERCENT));
        }
        out.put(MeasurementIds.DC_OFFSET_PER_CHANNEL, new PerChannel(channelNames, dc, Units.PERCENT));
        out.put(MeasurementIds.CLIPPED_RUNS, count(runs, reason));
        out.put(MeasurementIds.OVER_FULL_SCALE_SAMPLES, count(over, reason));
    }

    /** A count; silence counts nothing, broken input gives no count. */
    private static Scalar count(long n, String reason) {
        return MeasurementReasons.NON_FINITE.equals(reason)
                ? Scalar.absent(Units.COUNT, reason)
                : Scalar.of(n, Units.COUNT);
    }

    /** Steps whose 100 ms lie wholly inside the file. */
    private int fullSteps() {
        int full = 0;
        while (full < stepMomentary.size() && stepStart(full + 1) <= position) {
            full++;
        }
        return full;
    }

    /**
     * Loudness range per EBU Tech 3342 (MATLAB of section 5): the complete short-term values at 10 per second, gated
     * at -70 LUFS and 20 LU below their power mean (both inclusive), then P95 - P10 by nearest rank
     * {@code round((n - 1) p / 100 + 1)}. Windows that reach past either end of the file are not used.
     */
    private void loudnessRange(Map<String, Measurement> out, String reason) {
        int full = fullSteps();
        int first = SHORT_TERM_SUB_BLOCKS / SUB_BLOCKS_PER_STEP - 1;
        int available = Math.max(0, full - first);
        String why = reason;
        if (why == null && available < LRA_MIN_VALUES) {
            why = MeasurementReasons.TOO_FEW_SHORT_TERM;
        }
        double[] gated = new double[available];
        int n = 0;
        if (why == null) {
            double absolute = Db.loudnessToPower(ABSOLUTE_GATE_LUFS);
            double sum = 0;
            for (int i = first; i < full; i++) {
                double p = stepShortTerm.get(i);
                if (p >= absolute) {
                    sum += p;
                    n++;
                }
            }
            if (n == 0) {
                why = MeasurementReasons.BELOW_GATE;
            } else {
                double relative = Math.max(absolute, sum / n * Math.pow(10, LRA_RELATIVE_GATE_LU / 10));
                n = 0;
                for (int i = first; i < full; i++) {
                    double p = stepShortTerm.get(i);
                    if (p >= relative) {
                        gated[n++] = Db.loudness(p);
                    }
                }
            }
        }
        if (why != null) {
            out.put(MeasurementIds.LOUDNESS_RANGE, Scalar.absent(Units.LU, why));
            out.put(MeasurementIds.LOUDNESS_RANGE_STABLE, Scalar.absent(Units.FLAG, why));
            return;
        }
        Arrays.sort(gated, 0, n);
        double low = gated[(int) Math.round((n - 1) * LRA_LOW_PERCENTILE / 100 + 1) - 1];
        double high = gated[(int) Math.round((n - 1) * LRA_HIGH_PERCENTILE / 100 + 1) - 1];
        out.put(MeasurementIds.LOUDNESS_RANGE, Scalar.of(high - low, Units.LU));
        boolean stable = position >= LRA_STABLE_SECONDS * sampleRateHz;
        out.put(MeasurementIds.LOUDNESS_RANGE_STABLE, Scalar.of(stable ? 1 : 0, Units.FLAG));
    }

    /**
     * Median over the complete 3 s windows of (true peak within the window, dBTP) minus (its short-term loudness,
     * LUFS); windows below the -70 LUFS absolute gate are left out, as their ratio says nothing about the music.
     */
    private Scalar psrMedian(String reason) {
        if (reason != null) {
            return Scalar.absent(Units.LU, reason);
        }
        int full = fullSteps();
        int window = SHORT_TERM_SUB_BLOCKS / SUB_BLOCKS_PER_STEP;
        if (full < window) {
            return Scalar.absent(Units.LU, MeasurementReasons.SHORTER_THAN_SHORT_TERM);
        }
        double absolute = Db.loudnessToPower(ABSOLUTE_GATE_LUFS);
        double[] ratios = new double[full - window + 1];
        int n = 0;
        for (int i = window - 1; i < full; i++) {
            double shortTerm = stepShortTerm.get(i);
            if (shortTerm < absolute) {
                continue;
            }
            double peak = 0;
            for (int j = i - window + 1; j <= i; j++) {
                peak = Math.max(peak, stepTruePeaks.get(j));
            }
            ratios[n++] = Db.amplitude(peak) - Db.loudness(shortTerm);
        }
        if (n == 0) {
            return Scalar.absent(Units.LU, MeasurementReasons.BELOW_GATE);
        }
        Arrays.sort(ratios, 0, n);
        double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
        return Scalar.of(median, Units.LU);
    }

    private Scalar integrated(String reason) {
        if (reason != null) {
            return Scalar.absent(Units.LUFS, reason);
        }
        int fullSteps = fullSteps();
        if (fullSteps <= FIRST_GATING_STEP) {
            return Scalar.absent(Units.LUFS, MeasurementReasons.TOO_SHORT);
        }
        double absoluteGate = Db.loudnessToPower(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (int i = FIRST_GATING_STEP; i < fullSteps; i++) {
            double p = stepMomentary.get(i);
            if (p > absoluteGate) {
                sum += p;
                count++;
            }
        }
        if (count == 0) {
            return Scalar.absent(Units.LUFS, MeasurementReasons.BELOW_GATE);
        }
        // Relative gate: 10 LU below the loudness of the absolute-gated mean power.
        double gate = Math.max(absoluteGate, sum / count * Math.pow(10, RELATIVE_GATE_LU / 10));
        double gatedSum = 0;
        int gatedCount = 0;
        for (int i = FIRST_GATING_STEP; i < fullSteps; i++) {
            double p = stepMomentary.get(i);
            if (p > gate) {
                gatedSum += p;
                gatedCount++;
            }
        }
        return Scalar.of(Db.loudness(gatedSum / gatedCount), Units.LUFS);
    }

    /**
     * A step is active when every momentary window that contains it reads at least max(-70 LUFS, max momentary -
     * 35 LU), i.e. its own window and those of the next three steps. Taking only the window that ends with the step
     * would keep a part "playing" for 300 ms after it stopped; requiring all four windows puts both edges on the
     * step where the sound starts or ends.
     */
    private void activity(Map<String, Measurement> out, String reason) {
        int steps = stepMomentary.size();
        float[] flags = new float[steps];
        int activeSteps = 0;
        double activeSquares = 0;
        long activeFrames = 0;
        if (reason == null && maxMomentaryPower > 0) {
            double threshold = Math.max(Db.loudnessToPower(ABSOLUTE_GATE_LUFS),
                    maxMomentaryPower * Math.pow(10, -ACTIVITY_RANGE_LU / 10));
            int windowsPerStep = MOMENTARY_SUB_BLOCKS / SUB_BLOCKS_PER_STEP;
            // The first step at or after i whose window is below the threshold, scanning backwards.
            int quietAhead = Integer.MAX_VALUE;
            for (int i = steps - 1; i >= 0; i--) {
                if (stepMomentary.get(i) < threshold) {
                    quietAhead = i;
                }
                if (quietAhead > i + windowsPerStep - 1) {
                    flags[i] = 1f;
                    activeSteps++;
                    activeSquares += stepSumSquares.get(i);
                    activeFrames += stepFrames(i);
                }
            }
        }
        out.put(MeasurementIds.ACTIVITY, new Series(0.1, flags, Units.FLAG));
        if (reason == null || MeasurementReasons.SILENT.equals(reason)) {
            // Silence is a known answer: the track never plays.
            out.put(MeasurementIds.ACTIVE_SHARE,
                    Scalar.of(steps == 0 ? 0 : 100.0 * activeSteps / steps, Units.PERCENT));
        } else {
            out.put(MeasurementIds.ACTIVE_SHARE, Scalar.absent(Units.PERCENT, reason));
        }
        String rmsReason = reason != null ? reason : activeFrames == 0 ? MeasurementReasons.NOT_ACTIVE : null;
        double rmsActive = activeFrames == 0
                ? Double.NaN
                : Db.aes17(activeSquares / ((double) activeFrames * channels));
        out.put(MeasurementIds.RMS_ACTIVE, level(rmsActive, Units.DBFS, rmsReason));
    }

    private static Scalar level(double db, String unit, String reason) {
        if (reason != null) {
            return Scalar.absent(unit, reason);
        }
        return Scalar.level(db, unit, MeasurementReasons.SILENT);
    }
}
