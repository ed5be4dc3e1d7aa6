package io.mixbench.meter.crosstrack.internal;

import static io.mixbench.meter.crosstrack.internal.Signals.RATE;
import static io.mixbench.meter.crosstrack.internal.Signals.reason;
import static io.mixbench.meter.crosstrack.internal.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicAlignmentMeterTest {

    static final int FRAMES = 4 * RATE;

    /** A kick-like source: hits over a bed of low-passed noise. */
    static float[] source() {
        return Signals.add(Signals.hits(FRAMES, 0.5, 3), Signals.noise(FRAMES, 0.1, 4));
    }

    /** A second mic of the source: scaled, delayed by {@code delayMs}, optionally inverted, with its own noise. */
    static float[] otherMic(float[] source, double delayMs, boolean inverted, long seed) {
        float[] delayed = Signals.delay(source, delayMs * RATE / 1000);
        return Signals.add(Signals.scale(delayed, inverted ? -0.7 : 0.7), Signals.noise(source.length, 0.02, seed));
    }

    static Map<String, Measurement> measure(int block, float[][]... tracks) {
        int[] channels = new int[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            channels[i] = tracks[i].length;
        }
        return Signals.run(new MicAlignmentMeter(RATE, channels), tracks, block);
    }

    @Test
    void invertedAndDelayedMicReadsBoth() {
        float[] in = source();
        float[] out = otherMic(in, 1.2, true, 21);
        Map<String, Measurement> m = measure(4096, new float[][]{in}, new float[][]{out});
        assertEquals(1.0, value(m, CrossTrackIds.PAIRS));
        assertEquals(1.2, value(m, CrossTrackIds.pairLag(1)), 0.05, m.toString());
        assertEquals(1.0, value(m, CrossTrackIds.pairInverted(1)), m.toString());
        assertTrue(value(m, CrossTrackIds.pairCorrelation(1)) < -0.8, m.toString());
        assertTrue(value(m, CrossTrackIds.pairCoherence(1)) > 0.3, m.toString());
    }

    @Test
    void aMicAheadReadsANegativeLagInPolarity() {
        float[] in = source();
        // The second mic is the reference delayed, so the first one is ahead by 0.3 ms.
        float[] late = otherMic(in, 0.3, false, 22);
        Map<String, Measurement> m = measure(4096, new float[][]{late}, new float[][]{in});
        assertEquals(-0.3, value(m, CrossTrackIds.pairLag(1)), 0.05, m.toString());
        assertEquals(0.0, value(m, CrossTrackIds.pairInverted(1)), m.toString());
        assertTrue(value(m, CrossTrackIds.pairCorrelation(1)) > 0.8, m.toString());
    }

    @Test
    void everyPairIsMeasuredAgainstTheFirstTrack() {
        float[] in = source();
        float[] stereoRoom = otherMic(in, 4.0, false, 23);
        float[] sub = otherMic(in, 0.0, true, 24);
        Map<String, Measurement> m = measure(4096, new float[][]{in}, new float[][]{stereoRoom, stereoRoom},
                new float[][]{sub});
        assertEquals(2.0, value(m, CrossTrackIds.PAIRS));
        assertEquals(4.0, value(m, CrossTrackIds.pairLag(1)), 0.05, m.toString());
        assertEquals(0.0, value(m, CrossTrackIds.pairInverted(1)));
        assertEquals(0.0, value(m, CrossTrackIds.pairLag(2)), 0.05, m.toString());
        assertEquals(1.0, value(m, CrossTrackIds.pairInverted(2)));
    }

    @Test
    void unrelatedSignalsCorrelateWeakly() {
        float[] a = Signals.noise(FRAMES, 0.2, 31);
        float[] b = Signals.noise(FRAMES, 0.2, 32);
        Map<String, Measurement> m = measure(4096, new float[][]{a}, new float[][]{b});
        assertTrue(Math.abs(value(m, CrossTrackIds.pairCorrelation(1))) < 0.1, m.toString());
        assertTrue(value(m, CrossTrackIds.pairCoherence(1)) < 0.1, m.toString());
        assertTrue(Math.abs(value(m, CrossTrackIds.pairLag(1))) <= MicAlignmentMeter.MAX_LAG_MS, m.toString());
    }

    @Test
    void resultsDoNotDependOnTheBlockSize() {
        float[] in = source();
        float[] out = otherMic(in, 1.2, true, 25);
        Map<String, Measurement> reference = measure(4096, new float[][]{in}, new float[][]{out});
        assertEquals(reference, measure(1, new float[][]{in}, new float[][]{out}));
        assertEquals(reference, measure(999, new float[][]{in}, new float[][]{out}));
        assertEquals(reference, measure(100_000, new float[][]{in}, new float[][]{out}));
    }

    @Test
    void clipsShorterThanAFrameAreMeasured() {
        float[] in = java.util.Arrays.copyOf(source(), 3000);
        float[] out = otherMic(in, 1.0, false, 26);
        Map<String, Measurement> m = measure(4096, new float[][]{in}, new float[][]{out});
        assertEquals(1.0, value(m, CrossTrackIds.pairLag(1)), 0.05, m.toString());
    }

    @Test
    void silentMicIsAbsentWithAReason() {
        Map<String, Measurement> m = measure(4096, new float[][]{source()}, new float[][]{new float[FRAMES]});
        assertEquals(CrossTrackIds.SILENT, reason(m, CrossTrackIds.pairLag(1)));
        assertEquals(CrossTrackIds.SILENT, reason(m, CrossTrackIds.pairInverted(1)));
    }

    @Test
    void frameLengthCoversATenthOfASecond() {
        assertEquals(8192, MicAlignmentMeter.frameLength(44_100));
        assertEquals(8192, MicAlignmentMeter.frameLength(48_000));
        assertEquals(16384, MicAlignmentMeter.frameLength(96_000));
        assertEquals(256, MicAlignmentMeter.frameLength(1000));
    }
}
