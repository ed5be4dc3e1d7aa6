package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how many times faster than real time the standard meters measure a stereo 48 kHz file, each alone and all
 * three together, on one thread. Not a unit test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<api jars> io.mixbench.meter.standard.internal.MeterBenchmark}.
 */
public final class MeterBenchmark {

    private static final int FS = 48_000;
    private static final int SECONDS = 60;
    private static final int BLOCK = 4096;

    private MeterBenchmark() {
    }

    public static void main(String[] args) {
        float[][] dense = dense();
        float[][] sparse = sparse();
        List<MeterFactory> all = List.of(new LevelsMeterFactory(), new TruePeakMeterFactory(),
                new StereoMeterFactory());
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1; // the first round warms up the JIT
            for (float[][] signal : new float[][][]{dense, sparse}) {
                String name = signal == dense ? "dense (limited noise near full scale)" : "sparse (tones, gaps)";
                for (MeterFactory factory : all) {
                    double x = measure(List.of(factory), signal);
                    if (report) {
                        System.out.printf("%-40s %-9s %8.0f x real time%n", name, factory.id(), x);
                    }
                }
                double x = measure(all, signal);
                if (report) {
                    System.out.printf("%-40s %-9s %8.0f x real time%n", name, "all", x);
                }
            }
        }
    }

    /** Best of three runs, in x real time. */
    private static double measure(List<MeterFactory> factories, float[][] signal) {
        AudioFormat format = new AudioFormat(FS, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER,
                signal[0].length, "benchmark");
        float[][] block = new float[2][BLOCK];
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Meter[] meters = factories.stream().map(f -> f.create(format)).toArray(Meter[]::new);
            for (int offset = 0; offset < signal[0].length; offset += BLOCK) {
                int n = Math.min(BLOCK, signal[0].length - offset);
                System.arraycopy(signal[0], offset, block[0], 0, n);
                System.arraycopy(signal[1], offset, block[1], 0, n);
                for (Meter meter : meters) {
                    meter.process(block, n);
                }
            }
            for (Meter meter : meters) {
                meter.finish();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return SECONDS / (best / 1e9);
    }

    /** Worst case for the true-peak meter's skip test: most samples within a few dB of the peak. */
    private static float[][] dense() {
        SplittableRandom random = new SplittableRandom(7);
        float[][] x = new float[2][FS * SECONDS];
        for (int n = 0; n < x[0].length; n++) {
            double common = random.nextGaussian() * 0.5;
            x[0][n] = (float) Math.tanh(2 * (common + 0.2 * random.nextGaussian()));
            x[1][n] = (float) Math.tanh(2 * (common + 0.2 * random.nextGaussian()));
        }
        return x;
    }

    private static float[][] sparse() {
        float[][] x = new float[2][FS * SECONDS];
        for (int n = 0; n < x[0].length; n++) {
            double t = (double) n / FS;
            double gate = (t % 2) < 1.2 ? 1 : 0;
            x[0][n] = (float) (gate * 0.5 * Math.sin(2 * Math.PI * 55 * t) + 0.1 * Math.sin(2 * Math.PI * 880 * t));
            x[1][n] = (float) (gate * 0.4 * Math.sin(2 * Math.PI * 55 * t) + 0.2 * Math.sin(2 * Math.PI * 660 * t));
        }
        return x;
    }
}
