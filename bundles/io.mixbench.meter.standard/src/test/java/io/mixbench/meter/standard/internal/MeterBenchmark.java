package io.mixbench.meter.standard.internal;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how many times faster than real time the standard meters measure 48 kHz stereo, each alone and together,
 * on one thread, for music-like material and two extremes. The true-peak detector runs inside "levels"; it is also
 * timed alone so its share is visible. Not a unit test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:<api jars> io.mixbench.meter.standard.internal.MeterBenchmark [seconds]}.
 */
public final class MeterBenchmark {

    private static final int FS = 48_000;
    private static final int BLOCK = 8192;

    private MeterBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String[] names = {"music-like (TestSignals.music)", "dense (limited noise near full scale)",
                "sparse (tones, gaps)"};
        float[][][] signals = {TestSignals.music(FS, seconds, 1), dense(seconds), sparse(seconds)};
        List<MeterFactory> all = List.of(new LevelsMeterFactory(), new StereoMeterFactory());
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1; // the first round warms up the JIT
            for (int s = 0; s < signals.length; s++) {
                float[][] signal = signals[s];
                for (MeterFactory factory : all) {
                    double x = measure(List.of(factory), signal, seconds);
                    if (report) {
                        System.out.printf("%-40s %-22s %8.0f x real time%n", names[s], factory.id(), x);
                    }
                }
                double[] share = new double[1];
                double tp = measureTruePeak(signal, seconds, share);
                double x = measure(all, signal, seconds);
                if (report) {
                    System.out.printf("%-40s %-22s %8.0f x real time (%.1f %% of segments interpolated)%n", names[s],
                            "  true peak inside levels", tp, 100 * share[0]);
                    System.out.printf("%-40s %-22s %8.0f x real time%n", names[s], "all", x);
                }
            }
        }
    }

    /** Best of three runs, in x real time. */
    private static double measure(List<MeterFactory> factories, float[][] signal, int seconds) {
        AudioFormat format = new AudioFormat(FS, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER,
                signal[0].length, "benchmark");
        float[][] block = new float[2][BLOCK];
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = cpuNanos();
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
            best = Math.min(best, cpuNanos() - start);
        }
        return seconds / (best / 1e9);
    }

    private static double measureTruePeak(float[][] signal, int seconds, double[] share) {
        long best = Long.MAX_VALUE;
        int step = FS / 10;
        for (int run = 0; run < 3; run++) {
            long start = cpuNanos();
            TruePeakDetector detector = new TruePeakDetector(FS, 2, true);
            for (int offset = 0; offset < signal[0].length; offset += step) {
                int n = Math.min(step, signal[0].length - offset);
                detector.append(0, signal[0], offset, n);
                detector.append(1, signal[1], offset, n);
                detector.takeStepPeak();
            }
            detector.flush();
            best = Math.min(best, cpuNanos() - start);
            share[0] = detector.evaluatedShare();
        }
        return seconds / (best / 1e9);
    }

    /** CPU time of this thread: other processes on a shared machine do not count against the meters. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Worst case for the true-peak skip test: white, most samples within a few dB of the peak. */
    private static float[][] dense(int seconds) {
        SplittableRandom random = new SplittableRandom(7);
        float[][] x = new float[2][FS * seconds];
        for (int n = 0; n < x[0].length; n++) {
            double common = random.nextGaussian() * 0.5;
            x[0][n] = (float) Math.tanh(2 * (common + 0.2 * random.nextGaussian()));
            x[1][n] = (float) Math.tanh(2 * (common + 0.2 * random.nextGaussian()));
        }
        return x;
    }

    private static float[][] sparse(int seconds) {
        float[][] x = new float[2][FS * seconds];
        for (int n = 0; n < x[0].length; n++) {
            double t = (double) n / FS;
            double gate = (t % 2) < 1.2 ? 1 : 0;
            x[0][n] = (float) (gate * 0.5 * Math.sin(2 * Math.PI * 55 * t) + 0.1 * Math.sin(2 * Math.PI * 880 * t));
            x[1][n] = (float) (gate * 0.4 * Math.sin(2 * Math.PI * 55 * t) + 0.2 * Math.sin(2 * Math.PI * 660 * t));
        }
        return x;
    }
}
