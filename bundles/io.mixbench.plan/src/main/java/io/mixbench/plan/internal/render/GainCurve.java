package io.mixbench.plan.internal.render;

import io.mixbench.plan.GainPoint;
import java.util.List;

/**
 * A part's static gain and its ride as a gain per sample: between two breakpoints linear in dB (so no zipper steps),
 * before the first and after the last held, as {@link GainPoint#gainAt} says. Sample {@code n} sits at {@code n / rate}
 * seconds. Not thread-safe.
 */
public final class GainCurve {

    private final double staticDb;
    private final List<GainPoint> ride;
    private final GainPoint[] points;
    private final double sampleRateHz;
    /** The breakpoint the current sample is before ({@code points.length} after the last). */
    private int next;

    /**
     * @param staticDb the static gain, dB
     * @param ride the breakpoints on top of it, sorted by time; empty for none
     */
    public GainCurve(double staticDb, List<GainPoint> ride, double sampleRateHz) {
        this.staticDb = staticDb;
        this.ride = List.copyOf(ride);
        this.points = ride.toArray(GainPoint[]::new);
        this.sampleRateHz = sampleRateHz;
    }

    /** Multiplies {@code channels[c][0..frames)} by the gain at frames {@code firstFrame ..}; blocks come in order. */
    public void apply(double[][] channels, int count, int frames, long firstFrame) {
        if (points.length == 0) {
            double gain = Math.pow(10, staticDb / 20);
            for (int c = 0; c < count; c++) {
                double[] x = channels[c];
                for (int i = 0; i < frames; i++) {
                    x[i] *= gain;
                }
            }
            return;
        }
        int i = 0;
        while (i < frames) {
            double seconds = (firstFrame + i) / sampleRateHz;
            while (next < points.length && seconds >= points[next].seconds()) {
                next++;
            }
            // The run of frames before the next breakpoint: the gain in dB is one line over it.
            int end = frames;
            double slopeDbPerFrame = 0;
            if (next < points.length) {
                double at = points[next].seconds();
                if (at * sampleRateHz < firstFrame + frames + 1) {
                    // The first frame at or after the breakpoint, by the same division as above (rounding aside).
                    long until = (long) Math.ceil(at * sampleRateHz);
                    while (until - 1 > firstFrame + i && (until - 1) / sampleRateHz >= at) {
                        until--;
                    }
                    while (until / sampleRateHz < at) {
                        until++;
                    }
                    end = (int) Math.min(frames, until - firstFrame);
                }
                if (next > 0) {
                    GainPoint a = points[next - 1];
                    GainPoint b = points[next];
                    double span = b.seconds() - a.seconds();
                    slopeDbPerFrame = span <= 0 ? 0 : (b.gainDb() - a.gainDb()) / span / sampleRateHz;
                }
            }
            double gain = Math.pow(10, (staticDb + GainPoint.gainAt(ride, seconds)) / 20);
            double step = Math.pow(10, slopeDbPerFrame / 20);
            for (int c = 0; c < count; c++) {
                double[] x = channels[c];
                double g = gain;
                for (int k = i; k < end; k++) {
                    x[k] *= g;
                    g *= step;
                }
            }
            i = end;
        }
    }
}
