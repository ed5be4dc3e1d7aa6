package io.mixbench.meter.standard.internal;

import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * True peak per BS.1770-5 Annex 2 with {@link TruePeakInterpolator}: reports max(interpolated peak, sample peak)
 * per channel and overall, dBTP. Works on float input, so samples above full scale read above 0 dBTP. Silence is
 * assumed before the first sample and after the last, so a file that starts or ends abruptly shows the overshoot
 * a reconstruction filter would produce there.
 */
public final class TruePeakMeter implements Meter {

    private static final int CHUNK = 1024;
    /** Headroom on the skip bound for float rounding in the FIR sums. */
    private static final double BOUND_MARGIN = 1.0001;

    private final int channels;
    private final List<String> channelNames;
    private final TruePeakInterpolator interpolator;
    private final float[][] phases;
    private final int history;
    private final double skipBound;
    /** Per channel: HALF_TAPS * 2 - 1 samples of history followed by up to CHUNK new samples. */
    private final float[][] buffers;
    private final float[] out = new float[CHUNK];
    private final float[] samplePeak;
    private final float[] interpolatedPeak;
    private boolean finished;

    /**
     * @param sampleRateHz the file's sample rate, Hz; chooses the oversampling factor
     * @param layout the channels
     */
    public TruePeakMeter(int sampleRateHz, ChannelLayout layout) {
        this.channels = layout.size();
        List<String> names = new ArrayList<>(channels);
        for (Channel c : layout.channels()) {
            names.add(c.name());
        }
        this.channelNames = List.copyOf(names);
        this.interpolator = TruePeakInterpolator.forSampleRate(sampleRateHz);
        this.phases = interpolator == null ? new float[0][] : interpolator.phases();
        this.history = TruePeakInterpolator.TAPS - 1;
        this.skipBound = interpolator == null ? 0 : interpolator.gainBound() * BOUND_MARGIN;
        this.buffers = new float[channels][interpolator == null ? 0 : history + CHUNK];
        this.samplePeak = new float[channels];
        this.interpolatedPeak = new float[channels];
    }

    /** The oversampling factor in use (1: none). */
    public int oversampling() {
        return interpolator == null ? 1 : interpolator.factor();
    }

    @Override
    public void process(float[][] block, int frames) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        for (int c = 0; c < channels; c++) {
            float[] x = block[c];
            if (interpolator == null) {
                float peak = samplePeak[c];
                for (int i = 0; i < frames; i++) {
                    peak = Math.max(peak, Math.abs(x[i]));
                }
                samplePeak[c] = peak;
                continue;
            }
            for (int offset = 0; offset < frames; offset += CHUNK) {
                int n = Math.min(CHUNK, frames - offset);
                float[] buf = buffers[c];
                float peak = samplePeak[c];
                for (int i = 0; i < n; i++) {
                    float v = x[offset + i];
                    buf[history + i] = v;
                    peak = Math.max(peak, Math.abs(v));
                }
                samplePeak[c] = peak;
                interpolate(c, n);
            }
        }
    }

    /** Interpolates the n points that the n newest samples complete, then keeps the history. */
    private void interpolate(int c, int n) {
        float[] buf = buffers[c];
        int used = history + n;
        float inputMax = 0f;
        for (int i = 0; i < used; i++) {
            inputMax = Math.max(inputMax, Math.abs(buf[i]));
        }
        // No interpolated point can exceed the bound: skip chunks that cannot raise the peak (exact, not a guess).
        if (!(inputMax * skipBound <= interpolatedPeak[c])) {
            float peak = interpolatedPeak[c];
            for (float[] h : phases) {
                java.util.Arrays.fill(out, 0, n, 0f);
                for (int q = 0; q < h.length; q++) {
                    float coefficient = h[q];
                    for (int i = 0; i < n; i++) {
                        out[i] += coefficient * buf[i + q];
                    }
                }
                for (int i = 0; i < n; i++) {
                    peak = Math.max(peak, Math.abs(out[i]));
                }
            }
            interpolatedPeak[c] = peak;
        }
        System.arraycopy(buf, n, buf, 0, history);
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        if (interpolator != null) {
            // Silence after the end: interpolate the points that the last samples' right neighbourhood completes.
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(buffers[c], history, history + history, 0f);
                interpolate(c, history);
            }
        }
        double[] perChannel = new double[channels];
        double overall = 0;
        boolean finite = true;
        for (int c = 0; c < channels; c++) {
            double peak = Math.max(samplePeak[c], interpolatedPeak[c]);
            finite &= Double.isFinite(peak) && Float.isFinite(samplePeak[c]);
            perChannel[c] = Db.amplitude(peak);
            overall = Math.max(overall, peak);
        }
        Map<String, Measurement> result = new LinkedHashMap<>();
        if (!finite) {
            java.util.Arrays.fill(perChannel, Double.NaN);
            result.put(MeasurementIds.TRUE_PEAK, Scalar.absent(Units.DBTP, Reasons.NON_FINITE));
        } else {
            result.put(MeasurementIds.TRUE_PEAK, Scalar.level(Db.amplitude(overall), Units.DBTP, Reasons.SILENT));
        }
        result.put(MeasurementIds.TRUE_PEAK_PER_CHANNEL, new PerChannel(channelNames, perChannel, Units.DBTP));
        return result;
    }
}
